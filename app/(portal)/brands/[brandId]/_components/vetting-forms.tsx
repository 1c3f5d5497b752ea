"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Download, RefreshCw } from "lucide-react";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { feeText, type FeeLine } from "@/lib/billing/fees";
import { appealVettingAction, importVettingAction, orderVettingAction, refreshVettingAction } from "@/lib/brands/lifecycle-actions";
import { IMPORT_HINTS, importVettingSchema, orderVettingSchema } from "@/lib/brands/vetting-schemas";
import { AppealForm, type AppealCategory } from "./appeal-form";

type Provider = { evpId: string; displayName: string; vettingClasses: string[] };
type Klass = { id: string; displayName: string; description: string | null };
type OrderValues = z.input<typeof orderVettingSchema>;

const newKey = () => crypto.randomUUID();

/**
 * Order a vet: provider and class from the registry's lists, the fee shown beside the button and again in
 * the confirmation; the confirmation's key makes the billable order idempotent.
 */
export function OrderVettingForm({ brandId, providers, classes, fee, billedBy }: { brandId: string; providers: Provider[]; classes: Klass[]; fee: FeeLine | null; billedBy: string }) {
  const orderable = providers.filter((p) => p.vettingClasses.some((c) => c !== "AUTHPLUS"));
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<OrderValues | null>(null);
  const [pending, start] = useTransition();
  // One key per order decision, renewed only after a success: a retry after a timeout reuses it.
  const [key, setKey] = useState(newKey);
  const { register, handleSubmit, formState, setError, control, reset, setValue } = useForm<OrderValues>({
    resolver: zodResolver(orderVettingSchema),
    defaultValues: { brandId, evpId: orderable[0]?.evpId ?? "", vettingClass: orderable[0]?.vettingClasses.find((c) => c !== "AUTHPLUS") ?? "", additionalRequestPayload: "", idempotencyKey: newKey() },
  });
  const evpId = useWatch({ control, name: "evpId" });
  const vettingClass = useWatch({ control, name: "vettingClass" });
  const classesOf = (id: string) => (providers.find((p) => p.evpId === id)?.vettingClasses ?? []).filter((c) => c !== "AUTHPLUS");
  const offered = classesOf(evpId);
  // A class the newly chosen provider does not offer falls back to its first one.
  useEffect(() => {
    const list = (providers.find((p) => p.evpId === evpId)?.vettingClasses ?? []).filter((c) => c !== "AUTHPLUS");
    if (list.length && !list.includes(vettingClass)) setValue("vettingClass", list[0]!);
  }, [providers, evpId, vettingClass, setValue]);
  const label = (id: string) => classes.find((c) => c.id === id)?.displayName ?? id;

  const review = handleSubmit((values) => {
    setFormError(null);
    setConfirming({ ...values, idempotencyKey: key, additionalRequestPayload: values.additionalRequestPayload || undefined });
  });
  const send = (e: React.MouseEvent) => {
    e.preventDefault();
    if (!confirming) return;
    start(async () => {
      const message = applyActionResult(await orderVettingAction(confirming), setError);
      if (message) {
        setFormError(message);
        return setConfirming(null);
      }
      setConfirming(null);
      setKey(newKey());
      toast.success("Vetting ordered. It shows as PENDING until the provider scores it.");
      reset({ brandId, evpId, vettingClass, additionalRequestPayload: "", idempotencyKey: newKey() });
    });
  };

  if (orderable.length === 0) return <p className="text-sm text-muted-foreground">The registry lists no provider to order from.</p>;
  return (
    <form onSubmit={review} noValidate className="space-y-3" aria-label="Order external vetting">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Provider" htmlFor="order-evp" required error={formState.errors.evpId?.message}>
          <NativeSelect {...register("evpId")}>
            {orderable.map((p) => <option key={p.evpId} value={p.evpId}>{p.displayName} ({p.evpId})</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Vetting class" htmlFor="order-class" required error={formState.errors.vettingClass?.message} description={classes.find((c) => c.id === vettingClass)?.description ?? undefined}>
          <NativeSelect {...register("vettingClass")}>
            {offered.map((c) => <option key={c} value={c}>{label(c)} ({c})</option>)}
          </NativeSelect>
        </FormField>
      </div>
      {vettingClass === "POLITICAL" ? (
        <FormField
          label="Political committee details (JSON)"
          htmlFor="order-payload"
          required
          error={formState.errors.additionalRequestPayload?.message}
          description='e.g. {"requestorFirstName":"John","requestorLastName":"Doe","locale":"federal","committeeId":"C00000000","electionDate":"2026-11-03"}'
        >
          <Textarea rows={3} className="font-mono text-xs" {...register("additionalRequestPayload")} />
        </FormField>
      ) : null}
      {vettingClass === "RCS" ? <p className="text-xs text-muted-foreground">RCS vets: another one can be ordered only 30 days after the previous one completed.</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Order vetting…</Button>
        <span className="text-sm">Cost: <strong>{feeText(fee, billedBy)}</strong>{fee ? ` ${fee.recurrence}, non-refundable` : ", at its own rate"}</span>
      </div>
      <AlertDialog open={confirming !== null} onOpenChange={(o) => !o && !pending && setConfirming(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Order {confirming ? `${label(confirming.vettingClass)} vetting from ${confirming.evpId}` : "vetting"}?</AlertDialogTitle>
            <AlertDialogDescription asChild>
              <div className="space-y-2">
                {fee
                  ? <p><strong>Cost: {feeText(fee, billedBy)} {fee.recurrence}</strong>, charged by {billedBy} when the order is placed ({fee.source}).</p>
                  : <p><strong>Cost: billed by {billedBy}</strong> when the order is placed, at its own rate: its API states no price.</p>}
                <p>The provider scores the brand within minutes to days. A score changes carrier throughput and which use cases the brand qualifies for.</p>
              </div>
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={send} disabled={pending} aria-busy={pending || undefined}>{pending ? "Ordering…" : fee ? `Order for ${feeText(fee, billedBy)}` : "Place the order"}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}

type ImportValues = z.input<typeof importVettingSchema>;

export function ImportVettingForm({ brandId, providers }: { brandId: string; providers: Provider[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, control, reset } = useForm<ImportValues>({
    resolver: zodResolver(importVettingSchema),
    defaultValues: { brandId, evpId: providers[0]?.evpId ?? "", vettingId: "", vettingToken: "" },
  });
  const evpId = useWatch({ control, name: "evpId" });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await importVettingAction({ ...values, vettingToken: values.vettingToken || undefined }), setError);
    if (message) return setFormError(message);
    toast.success("Vet imported: the registry confirmed it with the provider.");
    reset({ brandId, evpId, vettingId: "", vettingToken: "" });
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Import an existing vet">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Provider" htmlFor="import-evp" required error={formState.errors.evpId?.message}>
          <NativeSelect {...register("evpId")}>
            {providers.map((p) => <option key={p.evpId} value={p.evpId}>{p.displayName} ({p.evpId})</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Vetting id" htmlFor="import-vetting-id" required error={formState.errors.vettingId?.message} description={IMPORT_HINTS[evpId] ?? undefined}>
          <Input {...register("vettingId")} />
        </FormField>
      </div>
      <FormField label="Vetting token" htmlFor="import-token" error={formState.errors.vettingToken?.message} description={evpId === "AEGIS" ? "Required for Aegis: the Verification Certificate." : "Only when the provider issued one."}>
        <Textarea rows={2} className="font-mono text-xs" {...register("vettingToken")} />
      </FormField>
      <p className="text-xs text-muted-foreground">Importing is free here; Authentication+ vets cannot be imported.</p>
      <Button type="submit" variant="outline" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Importing…" : "Import vet"}</Button>
    </form>
  );
}

export function RefreshVettingButton({ brandId }: { brandId: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={() => start(async () => {
        const r = await refreshVettingAction({ brandId });
        if (r.ok) toast.success(`Up to date: ${r.data.vettings} vet${r.data.vettings === 1 ? "" : "s"}, ${r.data.appeals} appeal${r.data.appeals === 1 ? "" : "s"}.`);
        else toast.error(r.error);
      })}
    >
      <RefreshCw aria-hidden="true" className={pending ? "animate-spin" : undefined} /> {pending ? "Refreshing…" : "Refresh vetting"}
    </Button>
  );
}

export function VettingAppeal({ brandId, evpId, vettingId, categories, upstream }: { brandId: string; evpId: string; vettingId: string; categories: AppealCategory[]; upstream?: string }) {
  const [open, setOpen] = useState(false);
  if (!open) return <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Appeal the ${evpId} vet ${vettingId}`}>Appeal…</Button>;
  return (
    <div className="mt-3 space-y-2 rounded-md border p-3">
      <div className="flex items-center justify-between">
        <p className="text-sm font-medium">Appeal the {evpId} vet</p>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>Close</Button>
      </div>
      <AppealForm
        upstream={upstream}
        idPrefix={`vet-${vettingId}`}
        categories={categories.filter((c) => !("evpIds" in c) || !(c as { evpIds: string[] }).evpIds.length || (c as { evpIds: string[] }).evpIds.includes(evpId))}
        submitLabel="Send vetting appeal"
        onSubmit={(v) => appealVettingAction({ brandId, evpId, vettingId, ...v })}
        onDone={() => setOpen(false)}
      />
    </div>
  );
}

export function DownloadReport({ report, name }: { report: Record<string, unknown>; name: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button variant="outline" size="sm" onClick={download}>
      <Download aria-hidden="true" /> Download report (JSON)
    </Button>
  );
}
