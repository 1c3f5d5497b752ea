"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { attachEvidenceAction } from "@/lib/evidence/actions";
import { ATTACH_TARGETS, attachSchema, type AttachTarget } from "@/lib/evidence/attach-targets";

type Values = z.input<typeof attachSchema>;

export function SendToRegistry({ fileId, fileName, kind }: { fileId: string; fileName: string; kind: string }) {
  const targets = (Object.keys(ATTACH_TARGETS) as AttachTarget[]).filter((t) => (ATTACH_TARGETS[t].kinds as readonly string[]).includes(kind));
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(attachSchema),
    defaultValues: { fileId, targetType: targets[0], targetId: "" },
  });
  if (targets.length === 0) return null;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await attachEvidenceAction(values), setError);
    if (message) return setFormError(message);
    toast.success(`${fileName} was sent to the registry.`);
    setOpen(false);
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-0" aria-label={`Send ${fileName} to the registry`}>Send to the registry…</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Send {fileName} to the registry</DialogTitle>
          <DialogDescription>The file is uploaded to the brand or campaign you name. It stays in this library whatever happens.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Send to the registry">
          {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
          <FormField label="Use" htmlFor={`target-type-${fileId}`} error={formState.errors.targetType?.message} required>
            <NativeSelect {...register("targetType")}>
              {targets.map((t) => <option key={t} value={t}>{ATTACH_TARGETS[t].label[0]!.toUpperCase() + ATTACH_TARGETS[t].label.slice(1)}</option>)}
            </NativeSelect>
          </FormField>
          <FormField label="Brand or campaign id" htmlFor={`target-id-${fileId}`} error={formState.errors.targetId?.message} required description="As the registry shows it, e.g. B1A2B3C or C7D8E9F.">
            <Input autoComplete="off" spellCheck={false} {...register("targetId")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Sending…" : "Send"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
