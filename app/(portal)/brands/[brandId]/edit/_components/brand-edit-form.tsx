"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { applyActionResult } from "@/components/form/apply-action-result";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter,
  AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { updateBrandAction } from "@/lib/brands/actions";
import { ENTITY_TYPE_LABELS } from "@/lib/brands/labels";
import { CORE_FIELDS, CREATE_ONLY_FIELDS, FEEDBACK_HELP, changedFields, feedbackByField, updateEffectOf, updateWarnings, type FeedbackItem } from "@/lib/brands/update-rules";
import { fieldLabel, fieldsForStep, normaliseFieldValue, WIZARD_STEPS, type WizardOptions, type WizardValues } from "@/lib/brands/wizard";
import { ENTITY_TYPE_HELP } from "@/lib/brands/wizard-help";
import { ENTITY_TYPES, type EntityType } from "@/lib/tcr/schemas/enums";
import { BrandFieldInputs } from "../../../_components/brand-field-inputs";
import { brandResolver } from "../../../_components/brand-resolver";

const SECTIONS = (["identity", "contact", "classification"] as const).map((id) => ({ id, title: WIZARD_STEPS.find((s) => s.id === id)!.title }));

const EFFECT_NOTE = {
  identityReset: "Changing this sends the brand back to UNVERIFIED until it is verified again.",
  revokesAuthPlus: "Changing this revokes Authentication+; the new contact must complete a new 2FA email.",
} as const;

type Props = {
  brandId: string;
  initial: WizardValues;
  feedback: FeedbackItem[];
  coreLock: string | null;
  relationshipLockedUntil: string | null;
  options: WizardOptions;
  detailHref: string;
};

export function BrandEditForm({ brandId, initial, feedback, coreLock, relationshipLockedUntil, options, detailHref }: Props) {
  const router = useRouter();
  const form = useForm<WizardValues>({ defaultValues: initial, resolver: brandResolver, reValidateMode: "onChange" });
  const values = useWatch({ control: form.control }) as WizardValues;
  const [confirming, setConfirming] = useState<{ changed: string[]; values: WizardValues } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const entityType = (values.entityType || initial.entityType) as EntityType;
  // Computed by the server as "changed within the last 3 months", so it is in the future.
  const relationshipLocked = relationshipLockedUntil !== null;

  const byField = feedbackByField(feedback);
  const locked: Record<string, boolean> = {};
  if (coreLock) for (const f of CORE_FIELDS) locked[f] = true;
  if (relationshipLocked) locked.brandRelationship = true;

  const notes: Record<string, React.ReactNode> = {};
  for (const [field, items] of Object.entries(byField)) {
    notes[field] = (
      <span className="font-medium text-warning-foreground">
        Registry feedback: {items.map((c) => FEEDBACK_HELP[c.id as keyof typeof FEEDBACK_HELP]?.title ?? c.id).join("; ")} ({items.map((c) => c.id).join(", ")}).
      </span>
    );
  }
  const addNote = (field: string, text: string) => {
    notes[field] = <>{notes[field]}{notes[field] ? " " : null}<span className="font-medium">{text}</span></>;
  };
  for (const f of ["companyName", "ein", "einIssuingCountry", "mobilePhone", "brandRelationship", "businessContactEmail"]) {
    const effect = updateEffectOf(f, entityType);
    // The 3-month limit is in the field's own help; it is repeated only when it applies (locked below).
    if (effect && effect !== "quarterlyLimit") addNote(f, EFFECT_NOTE[effect]);
  }
  if (coreLock) for (const f of CORE_FIELDS) if (f !== "entityType") addNote(f, coreLock);
  if (relationshipLocked) addNote("brandRelationship", `Changed recently through this portal; locked until ${new Date(relationshipLockedUntil!).toLocaleDateString()}.`);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    setFormError(null);
    void form.handleSubmit((v) => {
      const changed = changedFields(initial, v);
      if (changed.length === 0) return setFormError("Nothing has changed.");
      setConfirming({ changed, values: v });
    })(e);
  };

  const save = async () => {
    if (!confirming) return;
    setSaving(true);
    const r = await updateBrandAction({ brandId, values: confirming.values });
    setConfirming(null);
    setSaving(false);
    if (!r.ok) return setFormError(applyActionResult(r, form.setError));
    const reset = r.data.warnings.some((w) => w.effect === "identityReset");
    toast.success(reset ? "Saved. The registry now lists the brand as UNVERIFIED until it is verified again." : "Brand saved at the registry.");
    router.push(detailHref);
    router.refresh();
  };

  const warnings = confirming ? updateWarnings(confirming.changed, confirming.values.entityType) : [];
  const show = (f: string, v: WizardValues) => (f === "entityType" ? v.entityType : normaliseFieldValue(f, v[f as keyof WizardValues])) || "(empty)";

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit brand" className="grid gap-6">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle asChild><h2>Entity type</h2></CardTitle>
          <CardDescription>
            Changing it makes the registry check the brand again (UNVERIFIED until then) and is allowed only while the brand has no external vets and no active campaigns.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FormField
            label="Entity type"
            htmlFor="entityType"
            required
            error={form.formState.errors.entityType?.message}
            description={
              <>
                {byField.entityType ? <span className="mb-1 block font-medium text-warning-foreground">{notes.entityType}</span> : null}
                {coreLock ? <span className="mb-1 block font-medium">{coreLock}</span> : null}
                {ENTITY_TYPE_HELP[entityType]?.summary}
              </>
            }
          >
            {coreLock ? (
              <Input readOnly className="bg-muted" {...form.register("entityType")} />
            ) : (
              <NativeSelect {...form.register("entityType")}>
                {ENTITY_TYPES.map((et) => <option key={et} value={et}>{ENTITY_TYPE_LABELS[et]} ({et})</option>)}
              </NativeSelect>
            )}
          </FormField>
        </CardContent>
      </Card>
      {SECTIONS.map((s) => (
        <Card key={s.id}>
          <CardHeader><CardTitle asChild><h2>{s.title}</h2></CardTitle></CardHeader>
          <CardContent>
            <BrandFieldInputs
              form={form}
              fields={fieldsForStep(entityType, s.id).filter((f) => !CREATE_ONLY_FIELDS.includes(f.field))}
              options={options}
              notes={notes}
              locked={locked}
            />
          </CardContent>
        </Card>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving}>Review and save changes</Button>
        <Button asChild variant="outline"><Link href={detailHref}>Cancel</Link></Button>
      </div>

      <AlertDialog open={confirming !== null} onOpenChange={(open) => { if (!open && !saving) setConfirming(null); }}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Save {confirming?.changed.length ?? 0} change{confirming?.changed.length === 1 ? "" : "s"} at the registry?</AlertDialogTitle>
            <AlertDialogDescription>These values are sent to The Campaign Registry. The update itself is free.</AlertDialogDescription>
          </AlertDialogHeader>
          {confirming ? (
            <div className="grid gap-3 text-sm">
              <ul className="grid gap-1" aria-label="Changes">
                {confirming.changed.map((f) => (
                  <li key={f}><span className="font-medium">{fieldLabel(f)}</span>: <span className="text-muted-foreground line-through">{show(f, initial)}</span> → {show(f, confirming.values)}</li>
                ))}
              </ul>
              {warnings.length ? (
                <Alert tone="warning">
                  <AlertDescription>
                    <p className="font-medium">What else happens</p>
                    <ul className="ml-4 list-disc">{warnings.map((w) => <li key={w.field}>{w.message}</li>)}</ul>
                  </AlertDescription>
                </Alert>
              ) : <p className="text-muted-foreground">None of these changes needs the brand to be verified again.</p>}
            </div>
          ) : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={saving}>Keep editing</AlertDialogCancel>
            <AlertDialogAction onClick={(e) => { e.preventDefault(); void save(); }} disabled={saving}>{saving ? "Saving…" : "Save at the registry"}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
