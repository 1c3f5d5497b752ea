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
import type { ActionResult } from "@/lib/safe-action";
import { tagNameInput } from "@/lib/tags/values";

const schema = z.object({ name: tagNameInput });
type Result = ActionResult<unknown>;

/**
 * Searchable keyword tags of one brand or campaign (Tag API, part 2 §13): the list with remove buttons and an
 * add form. The record's own actions are passed in, so the same editor serves brands and campaigns.
 */
export function TagsEditor({
  tags, canAct, max, onAdd, onRemove, inputId = "tag-name",
}: {
  tags: string[];
  canAct: boolean;
  /** The registry's cap for this record type (10 on a brand), or none. */
  max?: number | null;
  onAdd: (name: string) => Promise<Result>;
  onRemove: (name: string) => Promise<Result>;
  inputId?: string;
}) {
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<{ name: string }>({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  const full = max != null && tags.length >= max;
  const add = handleSubmit(async ({ name }) => {
    setFormError(null);
    const message = applyActionResult(await onAdd(name), setError);
    if (message) return setFormError(message);
    toast.success(`Tag “${name.toLowerCase()}” added.`);
    reset();
  });
  const remove = (name: string) =>
    start(async () => {
      const r = await onRemove(name);
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
          <FormField label="New tag" htmlFor={inputId} hideLabel error={formState.errors.name?.message ?? formError} className="w-56">
            <Input placeholder="e.g. holiday2026" disabled={full} {...register("name")} />
          </FormField>
          <Button type="submit" variant="outline" disabled={formState.isSubmitting || full}>Add tag</Button>
        </form>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {max != null ? `Up to ${max} tags; l` : "L"}etters and digits only, stored lowercase. Tags are searchable in the registry.
      </p>
    </div>
  );
}
