"use client";
import { TagsEditor as RecordTagsEditor } from "@/components/tags/tags-editor";
import { assignBrandTagAction, removeBrandTagAction } from "@/lib/brands/lifecycle-actions";
import { MAX_BRAND_TAGS } from "@/lib/brands/tags-schemas";

/** The brand's tags: the shared editor bound to the brand's tag actions (at most 10 on a brand). */
export function TagsEditor({ brandId, tags, canAct }: { brandId: string; tags: string[]; canAct: boolean }) {
  return (
    <RecordTagsEditor
      tags={tags}
      canAct={canAct}
      max={MAX_BRAND_TAGS}
      onAdd={(name) => assignBrandTagAction({ brandId, name })}
      onRemove={(name) => removeBrandTagAction({ brandId, name })}
    />
  );
}
