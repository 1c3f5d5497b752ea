"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { RefreshCw, Unlink } from "lucide-react";
import { toast } from "sonner";
import { applyActionResult } from "@/components/form/apply-action-result";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { linkCampaignNumberAction, unlinkCampaignNumberAction } from "@/lib/campaigns/actions";
import { linkNumberFieldsSchema, type LinkNumberFields } from "@/lib/campaigns/numbers-schemas";

/** Link one of the account's Vonage numbers: typed in any US style, sent as Vonage's E.164 without "+". */
export function LinkNumberForm({ campaignId }: { campaignId: string }) {
  const id = useId();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<LinkNumberFields, unknown, z.output<typeof linkNumberFieldsSchema>>({
    resolver: zodResolver(linkNumberFieldsSchema),
    defaultValues: { phoneNumber: "" },
  });
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await linkCampaignNumberAction({ campaignId, phoneNumber: v.phoneNumber });
    const message = applyActionResult(r, setError);
    if (message || !r.ok) return setFormError(message ?? "Not linked.");
    toast.success(`${r.data.phoneNumber} is ${r.data.status ?? "sent to Vonage"}.`);
    reset({ phoneNumber: "" });
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Link a number">
      <FormField
        label="Number to link"
        htmlFor={`${id}-phoneNumber`}
        required
        error={formState.errors.phoneNumber?.message ?? formError ?? undefined}
        description="A US number of your Vonage account, e.g. +1 415 555 0110."
        className="min-w-64 flex-1"
      >
        <Input {...register("phoneNumber")} type="tel" autoComplete="off" placeholder="+1 415 555 0110" />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Linking…" : "Link number"}</Button>
    </form>
  );
}

/** Unlinking stops the number's traffic on this campaign, so it is confirmed first. */
export function UnlinkNumberButton({ campaignId, phoneNumber, status }: { campaignId: string; phoneNumber: string; status: string | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const remove = () =>
    start(async () => {
      const r = await unlinkCampaignNumberAction({ campaignId, phoneNumber });
      if (r.ok) {
        toast.success(r.data.status === "UNLINKING" ? `${phoneNumber} is being unlinked.` : `${phoneNumber} unlinked.`);
        router.refresh();
      } else toast.error(r.fieldErrors?.phoneNumber ?? r.error);
    });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Unlink ${phoneNumber}`}><Unlink aria-hidden="true" /> Unlink</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Unlink {phoneNumber} from campaign {campaignId}?</AlertDialogTitle>
          <AlertDialogDescription>
            {status === "LINKED"
              ? "Vonage stops this number's 10DLC traffic on this campaign (it goes through UNLINKING). You can link it again later; Vonage reviews the link again."
              : "Vonage drops the pending or refused link at once. You can link the number again later."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep it</AlertDialogCancel>
          <AlertDialogAction onClick={remove}>Unlink number</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** Vonage decides links later and sends no webhook: re-reading the page asks it again. */
export function RefreshNumbersButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button variant="outline" size="sm" disabled={pending} aria-busy={pending || undefined} onClick={() => start(() => router.refresh())}>
      <RefreshCw aria-hidden="true" className={pending ? "animate-spin" : undefined} />
      {pending ? "Refreshing…" : "Refresh"}
    </Button>
  );
}
