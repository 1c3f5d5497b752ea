"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { X } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { assignBrandTagAction, removeBrandTagAction } from "@/lib/brands/lifecycle-actions";
import { MAX_BRAND_TAGS } from "@/lib/brands/tags-schemas";
import { TagName } from "@/lib/tcr/schemas/tag";

const schema = z.object({ name: z.string().trim().pipe(TagName) });

export function TagsEditor({ brandId, tags, canAct }: { brandId: string; tags: string[]; canAct: boolean }) {
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<{ name: string }>({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  const add = handleSubmit(async ({ name }) => {
    setFormError(null);
    const message = applyActionResult(await assignBrandTagAction({ brandId, name }), setError);
    if (message) return setFormError(message);
    toast.success(`Tag “${name.toLowerCase()}” added.`);
    reset();
  });
  const remove = (name: string) =>
    start(async () => {
      const r = await removeBrandTagAction({ brandId, name });
      if (r.ok) toast.success(`Tag “${name}” removed.`);
      else toast.error(r.error);
    });
  return (
    <div className="space-y-3">
      {tags.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Tags">
          {tags.map((t) => (
            <li key={t}>
              <Badge tone="outline" className="gap-1 py-1 text-sm">
                {t}
                {canAct ? (
                  <button type="button" className="rounded-sm hover:text-danger-foreground disabled:opacity-50" aria-label={`Remove tag ${t}`} onClick={() => remove(t)} disabled={pending}>
                    <X aria-hidden="true" className="size-3.5" />
                  </button>
                ) : null}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No tags.</p>
      )}
      {canAct ? (
        <form onSubmit={add} noValidate className="flex flex-wrap items-start gap-2" aria-label="Add a tag">
          <FormField label="New tag" htmlFor="tag-name" hideLabel error={formState.errors.name?.message ?? formError} className="w-56">
            <Input placeholder="e.g. holiday2026" disabled={tags.length >= MAX_BRAND_TAGS} {...register("name")} />
          </FormField>
          <Button type="submit" variant="outline" disabled={formState.isSubmitting || tags.length >= MAX_BRAND_TAGS}>Add tag</Button>
        </form>
      ) : null}
      <p className="text-xs text-muted-foreground">Up to {MAX_BRAND_TAGS} tags; letters and digits only, stored lowercase. Tags are searchable in the registry.</p>
    </div>
  );
}
