"use client";
import { fileIdentityAppealAction } from "@/lib/brands/lifecycle-actions";
import { AppealForm, type AppealCategory } from "./appeal-form";

export function IdentityAppealForm({ brandId, categories }: { brandId: string; categories: AppealCategory[] }) {
  return (
    <AppealForm
      idPrefix="identity-appeal"
      categories={categories}
      submitLabel="Send identity appeal"
      onSubmit={(v) => fileIdentityAppealAction({ brandId, ...v })}
    />
  );
}
