"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { FileDropZone, type UploadedFile } from "@/components/form/file-drop-zone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { EXPLANATION_MAX } from "@/lib/brands/appeals-schemas";
import { acceptedExtensions, APPEAL_LIMITS, formatBytes, refuseByName, rulesFor } from "@/lib/evidence/kinds";
import { formatDate } from "@/lib/format";
import type { ActionResult } from "@/lib/safe-action";

export type AppealCategory = { id: string; displayName: string; description: string | null };
/** An appeal evidence file already in the organization's evidence library. */
export type LibraryFile = { id: string; fileName: string; size: number; createdAt: Date | string };
export type AppealValues = { appealCategories: string[]; explanation?: string; fileIds: string[] };

const schema = z.object({
  appealCategories: z.array(z.string()).min(1, "Choose at least one category"),
  explanation: z.string().max(EXPLANATION_MAX, `At most ${EXPLANATION_MAX} characters`).optional(),
  fileIds: z.array(z.string()),
});

/**
 * An appeal: categories (from the registry's enumeration), an explanation of at most 1024 characters with a
 * counter, and evidence: files uploaded here (kept in the library) and/or files picked from the library.
 * All of them are sent to the registry with the appeal (a file already sent for this brand keeps its uuid).
 */
const idsOf = (uploads: UploadedFile[], chosen: string[]) => [...new Set([...uploads.map((x) => x.id), ...chosen])];

export function AppealForm({ idPrefix, categories, library = [], submitLabel, onSubmit, onDone, upstream }: {
  idPrefix: string;
  /** The organization's upstream kind: its own evidence limits (Vonage's) are checked before an upload. */
  upstream?: string;
  categories: AppealCategory[];
  /** Appeal evidence files of the library that may be picked instead of uploaded. */
  library?: LibraryFile[];
  submitLabel: string;
  onSubmit: (values: AppealValues) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [dropKey, setDropKey] = useState(0);
  const { register, control, handleSubmit, formState, setError, reset } = useForm<AppealValues>({
    resolver: zodResolver(schema),
    defaultValues: { appealCategories: [], explanation: "", fileIds: [] },
  });
  const explanation = useWatch({ control, name: "explanation" }) ?? "";
  const onUploaded = useCallback((f: UploadedFile) => setFiles((all) => [...all, f]), []);
  const togglePick = (id: string, on: boolean) => setPicked((all) => (on ? [...all, id] : all.filter((x) => x !== id)));
  const chosenCount = idsOf(files, picked).length;
  const full = chosenCount >= APPEAL_LIMITS.files;
  const pickable = library.filter((f) => !files.some((u) => u.id === f.id));
  const pickedFiles = library.filter((f) => picked.includes(f.id));
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    // fileIds: the uploads, then the picked library files (an upload is in the library too: never twice).
    const message = applyActionResult(await onSubmit({ ...values, fileIds: idsOf(files, picked), explanation: values.explanation?.trim() || undefined }), setError);
    if (message) return setFormError(message);
    toast.success("Appeal sent to the registry.");
    reset();
    setFiles([]);
    setPicked([]);
    setDropKey((k) => k + 1);
    onDone?.();
  });
  const rules = rulesFor("APPEAL_EVIDENCE", upstream);
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={submitLabel}>
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <fieldset className="space-y-2" aria-describedby={formState.errors.appealCategories ? `${idPrefix}-cat-error` : undefined}>
        <legend className="text-sm font-medium">Appeal categories <span aria-hidden="true" className="text-danger-foreground">*</span></legend>
        {categories.length === 0 ? <p className="text-sm text-muted-foreground">The registry&apos;s categories could not be loaded; try again later.</p> : null}
        <Controller
          control={control}
          name="appealCategories"
          render={({ field }) => (
            <div className="grid gap-2 sm:grid-cols-2">
              {categories.map((c) => (
                <div key={c.id} className="flex items-start gap-2 rounded-md border p-2">
                  <Checkbox
                    id={`${idPrefix}-cat-${c.id}`}
                    checked={field.value.includes(c.id)}
                    onCheckedChange={(on) => field.onChange(on ? [...field.value, c.id] : field.value.filter((v) => v !== c.id))}
                  />
                  <div className="grid gap-0.5">
                    <Label htmlFor={`${idPrefix}-cat-${c.id}`}>{c.displayName}</Label>
                    <span className="text-xs text-muted-foreground"><code className="font-mono">{c.id}</code>{c.description ? ` · ${c.description}` : ""}</span>
                  </div>
                </div>
              ))}
            </div>
          )}
        />
        {formState.errors.appealCategories ? <p id={`${idPrefix}-cat-error`} className="text-sm text-danger-foreground">{formState.errors.appealCategories.message}</p> : null}
      </fieldset>
      <FormField
        label="Explanation"
        htmlFor={`${idPrefix}-explanation`}
        description={<span aria-live="polite">{explanation.length} / {EXPLANATION_MAX} characters</span>}
        error={formState.errors.explanation?.message}
      >
        <Textarea rows={4} maxLength={EXPLANATION_MAX} {...register("explanation")} />
      </FormField>
      <div className="space-y-2">
        <p className="text-sm font-medium">Evidence</p>
        <p className="text-xs text-muted-foreground">
          Official documents that support the appeal (e.g. the IRS EIN letter). They are kept in the evidence library and sent to the registry with the appeal.
        </p>
        <FileDropZone
          key={dropKey}
          kind="APPEAL_EVIDENCE"
          label="Upload evidence files"
          hint={`${acceptedExtensions("APPEAL_EVIDENCE", upstream).map((e) => `.${e}`).join(", ")} · up to ${formatBytes(rules.maxBytes)} each, ${APPEAL_LIMITS.files} files`}
          maxBytes={rules.maxBytes}
          maxFiles={APPEAL_LIMITS.files}
          check={upstream === "VONAGE" ? (f) => refuseByName(rules, f) : undefined}
          onUploaded={onUploaded}
        />
        {files.length ? <p className="text-xs text-muted-foreground">{files.length} file{files.length === 1 ? "" : "s"} ready to send: {files.map((f) => f.fileName).join(", ")}</p> : null}
        {pickable.length ? (
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium">Or choose files already in the evidence library</legend>
            <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border p-2" aria-label="Evidence library files">
              {pickable.map((f) => {
                const id = `${idPrefix}-lib-${f.id}`;
                const on = picked.includes(f.id);
                return (
                  <li key={f.id} className="flex items-center gap-2 text-sm">
                    <Checkbox id={id} checked={on} disabled={!on && full} onCheckedChange={(v) => togglePick(f.id, v === true)} />
                    <Label htmlFor={id} className="min-w-0 flex-1 font-normal">
                      <span className="truncate">{f.fileName}</span>
                      <span className="ml-auto shrink-0 text-xs text-muted-foreground">{formatBytes(f.size)} · added {formatDate(f.createdAt)}</span>
                    </Label>
                  </li>
                );
              })}
            </ul>
            {pickedFiles.length ? (
              <p className="text-xs text-muted-foreground">{pickedFiles.length} library file{pickedFiles.length === 1 ? "" : "s"} chosen: {pickedFiles.map((f) => f.fileName).join(", ")}</p>
            ) : null}
          </fieldset>
        ) : null}
        {full ? <p className="text-xs text-muted-foreground">An appeal takes at most {APPEAL_LIMITS.files} files.</p> : null}
        {formState.errors.fileIds ? <p className="text-sm text-danger-foreground">{formState.errors.fileIds.message}</p> : null}
      </div>
      <Button type="submit" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting || undefined}>
        {formState.isSubmitting ? "Sending…" : submitLabel}
      </Button>
    </form>
  );
}
