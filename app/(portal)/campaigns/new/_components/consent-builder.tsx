"use client";
import { useId } from "react";
import { Controller, useFieldArray, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { CONSENT_LOCATION_LABELS, CONSENT_METHOD_LABELS, CONSENT_METHODS, MESSAGE_FLOW_MAX, MESSAGE_FLOW_MIN, composeMessageFlow, needsEvidence, type ConsentMethod } from "@/lib/campaigns/consent";
import type { Finding } from "@/lib/campaigns/lint/types";
import type { BuilderValues } from "./builder-values";
import { FieldFindings } from "./findings";
import { VonageMessageFlowPreview } from "./vonage-flow-preview";

const DISCLOSURES = [
  ["ratesDisclosure", "“Msg & data rates may apply”"],
  ["helpDisclosure", "“Reply HELP for help”"],
  ["stopDisclosure", "“Reply STOP to cancel”"],
  ["carrierDisclaimer", "Carriers are not liable for delayed or undelivered messages"],
  ["notConditionOfPurchase", "Consent is not a condition of purchase"],
  ["noThirdPartySharing", "Opt-in data is not shared with third parties"],
] as const;

/**
 * The structured consent builder: how, where and with which disclosures subscribers opt in. It writes
 * the registry's free-text messageFlow (shown live, with its length against the registry's limits).
 */
export function ConsentBuilder({ control, register, findings, vonagePreview = false }: {
  control: Control<BuilderValues>;
  register: UseFormRegister<BuilderValues>;
  findings: Finding[];
  /** On Vonage the consent is sent field by field and Vonage writes the text: offer its own preview. */
  vonagePreview?: boolean;
}) {
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name: "consent.mechanisms" });
  const consent = useWatch({ control, name: "consent" });
  const mechanisms = useWatch({ control, name: "consent.mechanisms" }) ?? [];
  const flow = composeMessageFlow(consent ?? {});
  const tooShort = flow.length < MESSAGE_FLOW_MIN;
  return (
    <fieldset className="grid gap-4 rounded-md border p-4">
      <legend className="px-1 text-base font-semibold">Consent (message flow)</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Brand or program name subscribers see" htmlFor={`${id}-program`} required>
          <Input {...register("consent.programName")} />
        </FormField>
        <FormField label="What the messages are about" htmlFor={`${id}-purpose`} required>
          <Input {...register("consent.messagePurpose")} placeholder="e.g. order updates and store offers" />
        </FormField>
      </div>
      {fields.map((f, i) => {
        const method = (mechanisms[i]?.method ?? "WEB_FORM") as ConsentMethod;
        return (
          <div key={f.id} className="grid gap-3 rounded-md bg-muted/40 p-3 sm:grid-cols-2">
            <FormField label={`How consent is collected (#${i + 1})`} htmlFor={`${id}-m${i}-method`}>
              <NativeSelect {...register(`consent.mechanisms.${i}.method` as const)}>
                {CONSENT_METHODS.map((m) => <option key={m} value={m}>{CONSENT_METHOD_LABELS[m]}</option>)}
              </NativeSelect>
            </FormField>
            <FormField label={CONSENT_LOCATION_LABELS[method]} htmlFor={`${id}-m${i}-location`} required>
              <Input {...register(`consent.mechanisms.${i}.location` as const)} />
            </FormField>
            {method === "TEXT_TO_JOIN" ? (
              <FormField label="Keywords subscribers text" htmlFor={`${id}-m${i}-keywords`} required>
                <Input {...register(`consent.mechanisms.${i}.keywords` as const)} placeholder="JOIN" />
              </FormField>
            ) : null}
            {needsEvidence(method) ? (
              <FormField label="Public link to a screenshot or script of this opt-in" htmlFor={`${id}-m${i}-evidence`} description="Reviewers cannot see it otherwise." required>
                <Input type="url" {...register(`consent.mechanisms.${i}.evidenceUrl` as const)} placeholder="https://" />
              </FormField>
            ) : null}
            {method === "WEB_FORM" || method === "MOBILE_APP" ? (
              <Controller
                control={control}
                name={`consent.mechanisms.${i}.checkboxUnchecked` as const}
                render={({ field }) => (
                  <FormField label="The SMS consent checkbox starts unchecked" htmlFor={`${id}-m${i}-unchecked`} layout="inline">
                    <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
                  </FormField>
                )}
              />
            ) : null}
            <FormField label="Details (optional)" htmlFor={`${id}-m${i}-details`} className="sm:col-span-2">
              <Textarea {...register(`consent.mechanisms.${i}.details` as const)} rows={2} />
            </FormField>
            {fields.length > 1 ? (
              <div className="sm:col-span-2">
                <Button type="button" variant="outline" size="sm" onClick={() => remove(i)}>Remove this way of opting in</Button>
              </div>
            ) : null}
          </div>
        );
      })}
      {fields.length < 8 ? (
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => append({ method: "TEXT_TO_JOIN", location: "", details: "", keywords: "" })}>
            Add another way of opting in
          </Button>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Message frequency" htmlFor={`${id}-frequency`}>
          <NativeSelect {...register("consent.frequency")}>
            <option value="RECURRING">Recurring</option>
            <option value="ONE_TIME">One message per request</option>
            <option value="VARIES">Varies</option>
          </NativeSelect>
        </FormField>
        <FormField label="Frequency detail" htmlFor={`${id}-freqdetail`} description="e.g. up to 4 msgs/month">
          <Input {...register("consent.frequencyDetail")} />
        </FormField>
        <FormField label="Privacy policy URL" htmlFor={`${id}-privacy`} required>
          <Input type="url" {...register("consent.privacyPolicyUrl")} placeholder="https://" />
        </FormField>
        <FormField label="Terms URL" htmlFor={`${id}-terms`} required>
          <Input type="url" {...register("consent.termsUrl")} placeholder="https://" />
        </FormField>
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Disclosures shown at opt-in</legend>
        {DISCLOSURES.map(([k, label]) => (
          <Controller
            key={k}
            control={control}
            name={`consent.${k}` as const}
            render={({ field }) => (
              <FormField label={label} htmlFor={`${id}-${k}`} layout="inline">
                <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
              </FormField>
            )}
          />
        ))}
      </fieldset>
      <div className="grid gap-1.5">
        <p className="text-sm font-medium" id={`${id}-preview-label`}>
          Preview of <code className="font-mono">messageFlow</code> as the registry will receive it
        </p>
        <output aria-labelledby={`${id}-preview-label`} className="block rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap" data-testid="message-flow-preview">
          {flow || "Fill in the consent details to see the message flow."}
        </output>
        <p className={tooShort || flow.length > MESSAGE_FLOW_MAX ? "text-sm text-destructive" : "text-sm text-muted-foreground"} aria-live="polite">
          {flow.length} of {MESSAGE_FLOW_MIN}–{MESSAGE_FLOW_MAX} characters
        </p>
      </div>
      {vonagePreview ? <VonageMessageFlowPreview consent={consent} /> : null}
      <FieldFindings findings={findings} />
    </fieldset>
  );
}
