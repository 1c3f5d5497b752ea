"use client";
import { fileIdentityAppealAction } from "@/lib/brands/lifecycle-actions";
import { AppealForm, type AppealCategory, type LibraryFile } from "./appeal-form";

export function IdentityAppealForm({ brandId, categories, library, upstream }: { brandId: string; categories: AppealCategory[]; library: LibraryFile[]; upstream?: string }) {
  return (
    <AppealForm
      upstream={upstream}
      idPrefix="identity-appeal"
      categories={categories}
      library={library}
      submitLabel="Send identity appeal"
      onSubmit={(v) => fileIdentityAppealAction({ brandId, ...v })}
    />
  );
}
