"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { importPartnerCampaignAction } from "@/lib/partner-imports/actions";
import { importPartnerCampaignSchema, type ImportPartnerCampaignInput } from "@/lib/partner-imports/schemas";

/** Import a campaign a partner CSP registered on TCR and shared with Vonage. A double submit imports once. */
export function VonageImportForm() {
  const id = useId();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults = { tcrCampaignId: "", label: "", cnpMigration: false };
  const { register, control, handleSubmit, formState, setError, reset } = useForm<ImportPartnerCampaignInput>({ resolver: zodResolver(importPartnerCampaignSchema), defaultValues: defaults });
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await importPartnerCampaignAction(v);
    const message = applyActionResult(r, setError);
    if (message || !r.ok) return setFormError(message ?? "Not imported.");
    toast.success(`Campaign ${r.data.tcrCampaignId} imported as ${r.data.campaignId ?? "a Vonage campaign"} (${r.data.sharingStatus ?? "status pending"}).`);
    reset(defaults);
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="grid max-w-xl gap-4 rounded-lg border p-4" aria-label="Import a partner campaign">
      <FormField label="TCR campaign id (campaign_id)" htmlFor={`${id}-tcr`} required error={formState.errors.tcrCampaignId?.message} description="The id TCR gave the partner's campaign, e.g. C123ABC.">
        <Input {...register("tcrCampaignId")} maxLength={7} autoComplete="off" className="font-mono uppercase" />
      </FormField>
      <FormField label="Label (label)" htmlFor={`${id}-label`} error={formState.errors.label?.message} description="Optional friendly name, up to 50 characters.">
        <Input {...register("label")} maxLength={50} />
      </FormField>
      <Controller
        control={control}
        name="cnpMigration"
        render={({ field }) => (
          <div className="flex items-start gap-2">
            <Checkbox id={`${id}-cnp`} checked={Boolean(field.value)} onCheckedChange={(on) => field.onChange(on === true)} />
            <div className="grid gap-0.5">
              <Label htmlFor={`${id}-cnp`}>Part of a CNP migration (cnp_migration)</Label>
              <span className="text-xs text-muted-foreground">Vonage requires this when a CNP migration was started for the campaign.</span>
            </div>
          </div>
        )}
      />
      {formError ? <p role="status" className="text-sm font-medium text-destructive">{formError}</p> : null}
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Importing…" : "Import into Vonage"}</Button>
      </div>
    </form>
  );
}

export function RefreshStatusButton() {
  const router = useRouter();
  return <Button type="button" variant="outline" onClick={() => router.refresh()}>Refresh status from Vonage</Button>;
}
