"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { registerVonageResellerAction } from "@/lib/resellers/actions";
import { vonageResellerSchema, type VonageResellerFields } from "@/lib/resellers/vonage-schemas";
import { ResellerContactFields } from "./reseller-fields";

/** Asks Vonage to register a reseller; Vonage reviews it (PENDING, then APPROVED or REJECTED with a reason). */
export function VonageResellerDialog() {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const defaults = { companyName: "", phone: "", email: "" };
  const { register, handleSubmit, formState, setError, reset } = useForm<VonageResellerFields>({ resolver: zodResolver(vonageResellerSchema), defaultValues: defaults });
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await registerVonageResellerAction(v);
    const message = applyActionResult(r, setError);
    if (message || !r.ok) return setFormError(message ?? "Not sent.");
    toast.success(`Reseller ${v.companyName} sent to Vonage for review.`);
    setOpen(false);
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) { reset(defaults); setFormError(null); } }}>
      <DialogTrigger asChild>
        <Button><Plus aria-hidden="true" /> Register a reseller</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Register a reseller with Vonage</DialogTitle>
          <DialogDescription>Vonage reviews each reseller. Once approved it gets a registry reseller id that campaigns can name; a rejection comes with Vonage&apos;s reason.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Register a reseller">
          <ResellerContactFields id={id} register={register} errors={formState.errors} companyLabel="Company name (company_name)" phoneLabel="Mobile phone (phone)" phoneExample="+14155550110" />
          {formError ? <p role="status" className="text-sm font-medium text-destructive">{formError}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Sending…" : "Send to Vonage"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
