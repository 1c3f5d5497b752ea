"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyActionResult } from "@/components/form/apply-action-result";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { createResellerAction, deleteResellerAction, updateResellerAction } from "@/lib/resellers/actions";
import { resellerFieldsSchema, type ResellerFields, type ResellerRow } from "@/lib/resellers/schemas";
import { ResellerContactFields } from "./reseller-fields";

/** Create (no reseller given) or edit one. The registry's update replaces all three fields, so all are sent. */
export function ResellerFormDialog({ reseller }: { reseller?: ResellerRow }) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const defaults = { companyName: reseller?.companyName ?? "", phone: reseller?.phone ?? "", email: reseller?.email ?? "" };
  const { register, handleSubmit, formState, setError, reset } = useForm<ResellerFields>({ resolver: zodResolver(resellerFieldsSchema), defaultValues: defaults });
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = reseller ? await updateResellerAction({ resellerId: reseller.resellerId, ...v }) : await createResellerAction(v);
    const message = applyActionResult(r, setError);
    if (message || !r.ok) return setFormError(message ?? "Not saved.");
    toast.success(reseller ? `Reseller ${r.data.resellerId} updated.` : `Reseller ${r.data.companyName} created as ${r.data.resellerId}.`);
    setOpen(false);
    router.refresh();
  });
  const name = reseller?.companyName ?? reseller?.resellerId;
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) { reset(defaults); setFormError(null); } }}>
      <DialogTrigger asChild>
        {reseller ? (
          <Button variant="ghost" size="sm" aria-label={`Edit reseller ${name}`}><Pencil aria-hidden="true" /> Edit</Button>
        ) : (
          <Button><Plus aria-hidden="true" /> New reseller</Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{reseller ? `Edit reseller ${reseller.resellerId}` : "New reseller"}</DialogTitle>
          <DialogDescription>
            {reseller
              ? "The registry replaces the company name, phone and email together. Campaigns that name this reseller keep naming it."
              : "A reseller is a business, typically another messaging platform, between your brands and you. Creating one is free; campaigns can then name it."}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={reseller ? "Edit reseller" : "New reseller"}>
          <ResellerContactFields id={id} register={register} errors={formState.errors} companyLabel="Company or display name (companyName)" phoneLabel="Contact phone (phone)" phoneExample="+12025550143" />
          {formError ? <p role="status" className="text-sm font-medium text-destructive">{formError}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : reseller ? "Save at the registry" : "Create reseller"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Delete, with what it means; a reseller that campaigns name cannot be deleted, and the dialog says so instead. */
export function DeleteResellerDialog({ reseller, campaigns }: { reseller: ResellerRow; campaigns: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const name = reseller.companyName ?? reseller.resellerId;
  const remove = () =>
    start(async () => {
      const r = await deleteResellerAction({ resellerId: reseller.resellerId });
      if (!r.ok) {
        toast.error(r.error);
        return;
      }
      toast.success(`Reseller ${name} (${reseller.resellerId}) deleted.`);
      router.refresh();
    });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Delete reseller ${name}`}><Trash2 aria-hidden="true" /> Delete</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{campaigns > 0 ? `${name} cannot be deleted` : `Delete the reseller ${name}?`}</AlertDialogTitle>
          <AlertDialogDescription>
            {campaigns > 0
              ? `${campaigns} campaign${campaigns === 1 ? " names" : "s name"} ${reseller.resellerId}. The registry does not delete a reseller that campaigns use. A campaign's reseller can only be changed to R000000 (no reseller), in the campaign's Edit dialog.`
              : `The registry deletes ${reseller.resellerId}; new campaigns can no longer name it. This cannot be undone, but you can create the reseller again (with a new id).`}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{campaigns > 0 ? "Close" : "Keep it"}</AlertDialogCancel>
          {campaigns > 0 ? null : <AlertDialogAction onClick={remove}>Delete reseller</AlertDialogAction>}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
