"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Stepper } from "@/components/form/stepper";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { saveBrandDraftAction, submitBrandDraftAction } from "@/lib/brands/actions";
import { ENTITY_TYPE_LABELS } from "@/lib/brands/labels";
import {
  emptyWizardValues, fieldLabel, fieldsForStep, firstStepWithError, toCreateInput, valuesKey, WIZARD_STEPS,
  type FieldStepId, type WizardOptions, type WizardStepId, type WizardValues,
} from "@/lib/brands/wizard";
import { ENTITY_TYPE_HELP } from "@/lib/brands/wizard-help";
import { feeText, formatUsd, type FeeLine } from "@/lib/billing/fees";
import { ENTITY_TYPES, type EntityType } from "@/lib/tcr/schemas/enums";
import { cn } from "@/lib/utils";
import { BrandFieldInputs } from "../../_components/brand-field-inputs";
import { brandResolver } from "../../_components/brand-resolver";

export type WizardDraft = { id: string; step: WizardStepId; values: WizardValues; suggestedReferenceId: string };

type SaveState = { state: "idle" } | { state: "saving" } | { state: "saved"; at: string } | { state: "error"; message: string };

const STEP_INTRO: Record<FieldStepId, string> = {
  identity: "Who the brand is. Only the fields this entity type takes are shown; the registry checks them against its records.",
  contact: "How the registry and the carriers reach the brand, and where it is.",
  classification: "What the brand does and how well you know it.",
};

export function BrandWizard({ draft, options, fee, billedBy = "the registry" }: { draft: WizardDraft | null; options: WizardOptions; fee: FeeLine | null; billedBy?: string }) {
  const router = useRouter();
  const form = useForm<WizardValues>({ defaultValues: draft?.values ?? emptyWizardValues(), resolver: brandResolver, reValidateMode: "onChange" });
  const startIndex = Math.max(0, WIZARD_STEPS.findIndex((s) => s.id === draft?.step));
  const [step, setStep] = useState(startIndex);
  const [reached, setReached] = useState(startIndex);
  const [save, setSave] = useState<SaveState>(draft ? { state: "saved", at: "" } : { state: "idle" });
  const [savedKey, setSavedKey] = useState(() => valuesKey(draft?.values ?? emptyWizardValues()));
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const draftId = useRef<string | undefined>(draft?.id);
  const suggestedReferenceId = useRef<string | undefined>(draft?.suggestedReferenceId);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const values = useWatch({ control: form.control }) as WizardValues;
  const entityType = values.entityType;
  const stepId = WIZARD_STEPS[step]!.id;
  const { isDirty } = form.formState;

  const fillReferenceId = () => {
    if (form.getValues("entityType") === "SOLE_PROPRIETOR" && !form.getValues("referenceId") && suggestedReferenceId.current) {
      form.setValue("referenceId", suggestedReferenceId.current, { shouldDirty: true });
    }
  };

  /** Saves the draft; saves run one after another so the first one's new draft id is used by the next. */
  const saveDraft = (atStep: WizardStepId): Promise<boolean> => {
    const run = async () => {
      setSave({ state: "saving" });
      const sent = form.getValues();
      const r = await saveBrandDraftAction({ draftId: draftId.current, step: atStep, values: sent });
      if (!r.ok) {
        setSave({ state: "error", message: r.error });
        return false;
      }
      if (!draftId.current) {
        draftId.current = r.data.draftId;
        // The address now resumes this draft (a reload, or the Brands list's "Resume").
        window.history.replaceState(null, "", `/brands/new?draft=${encodeURIComponent(r.data.draftId)}`);
      }
      suggestedReferenceId.current = r.data.suggestedReferenceId;
      setSavedKey(valuesKey(sent));
      setSave({ state: "saved", at: r.data.savedAt });
      return true;
    };
    const p = queue.current.then(run, run);
    queue.current = p.catch(() => undefined);
    return p;
  };

  // Autosave: a moment after the user stops typing; a change still waiting is saved when the wizard is left.
  const pendingStep = useRef<WizardStepId | null>(null);
  useEffect(() => {
    if (!isDirty || submitting) return;
    const at = WIZARD_STEPS[step]!.id;
    pendingStep.current = at;
    const t = setTimeout(() => {
      pendingStep.current = null;
      void saveDraft(at);
    }, 1000);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveDraft reads the latest values through the form and refs
  }, [values, isDirty, step, submitting]);
  useEffect(
    () => () => {
      if (pendingStep.current) void saveDraft(pendingStep.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, on leaving the page
    [],
  );

  const go = (index: number) => {
    setStep(index);
    setReached((r) => Math.max(r, index));
    setFormError(null);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const stepFields = (id: WizardStepId): string[] =>
    id === "entity" ? ["entityType"] : id === "review" || !entityType ? [] : fieldsForStep(entityType, id).map((f) => f.field);

  const next = async () => {
    const ok = await form.trigger(stepFields(stepId) as Path<WizardValues>[], { shouldFocus: true });
    if (!ok) return;
    const to = step + 1;
    if (stepId === "entity") {
      await saveDraft(WIZARD_STEPS[to]!.id);
      fillReferenceId();
    } else void saveDraft(WIZARD_STEPS[to]!.id);
    go(to);
  };

  const jumpToErrors = (fields: string[]) => {
    const target = firstStepWithError(Object.fromEntries(fields.map((f) => [f, ""])));
    if (target) go(WIZARD_STEPS.findIndex((s) => s.id === target));
  };

  const register = async () => {
    setFormError(null);
    setSubmitting(true);
    const fail = (message: string | null) => {
      setFormError(message);
      setSubmitting(false);
    };
    if (!(await saveDraft("review")) || !draftId.current) return fail("The draft could not be saved, so nothing was sent to the registry. Try again.");
    const r = await submitBrandDraftAction({ draftId: draftId.current });
    if (!r.ok) {
      const message = applyActionResult(r, form.setError);
      const fields = Object.keys(r.fieldErrors ?? {}).filter((f) => f !== "_form");
      if (fields.length) jumpToErrors(fields);
      return fail(message);
    }
    // Stays "Registering…" while the brand page loads: a second click has nothing to press.
    router.push(`/brands/${encodeURIComponent(r.data.brandId)}`);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (stepId !== "review") return void next();
    void form.handleSubmit(register, (errors) => jumpToErrors(Object.keys(errors)))(e);
  };

  return (
    <div className="grid gap-6">
      <Stepper steps={WIZARD_STEPS} current={step} reachable={reached} onSelect={go} label="Registration steps" />
      <form onSubmit={onSubmit} noValidate aria-label="Register a brand">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 ref={headingRef} tabIndex={-1} className="outline-none">
                Step {step + 1} of {WIZARD_STEPS.length}: {WIZARD_STEPS[step]!.title}
              </h2>
            </CardTitle>
            <CardDescription>
              {stepId === "entity" ? "The kind of organization decides which fields the registry requires and how it verifies the brand." : null}
              {stepId !== "entity" && stepId !== "review" ? STEP_INTRO[stepId] : null}
              {stepId === "review" ? "Check every value. Nothing has been sent to the registry yet." : null}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
            {stepId === "entity" ? <EntityStep form={form} /> : null}
            {entityType && stepId !== "entity" && stepId !== "review" ? (
              <>
                <StepNotice step={stepId} entityType={entityType} />
                <BrandFieldInputs form={form} fields={fieldsForStep(entityType, stepId)} options={options} />
              </>
            ) : null}
            {entityType && stepId === "review" ? <Review values={values} fee={fee} billedBy={billedBy} onEdit={(id) => go(WIZARD_STEPS.findIndex((s) => s.id === id))} /> : null}
            {options.problem && stepId === "classification" ? <Alert tone="warning"><AlertDescription>{options.problem}</AlertDescription></Alert> : null}
            <div className="flex flex-wrap items-center gap-3 border-t pt-4">
              {step > 0 ? <Button type="button" variant="outline" onClick={() => go(step - 1)} disabled={submitting}>Back</Button> : null}
              {stepId === "review" ? (
                <Button type="submit" disabled={submitting}>
                  {submitting ? "Registering…" : `Register brand (${feeText(fee, billedBy)})`}
                </Button>
              ) : (
                <Button type="submit">Continue</Button>
              )}
              <SaveStatus save={save} unsaved={isDirty && valuesKey(values) !== savedKey} />
            </div>
          </CardContent>
        </Card>
      </form>
    </div>
  );
}

function SaveStatus({ save, unsaved }: { save: SaveState; unsaved: boolean }) {
  const text =
    save.state === "saving" ? "Saving draft…"
      : unsaved && save.state !== "error" ? "Unsaved changes: saving in a moment…"
      : save.state === "saved" ? (save.at ? `Draft saved at ${new Date(save.at).toLocaleTimeString()}` : "Draft saved")
        : save.state === "error" ? `Draft not saved: ${save.message}`
          : "Your answers are saved as a draft as you go.";
  return <p role="status" className={cn("ml-auto text-sm", save.state === "error" ? "text-destructive" : "text-muted-foreground")}>{text}</p>;
}

function EntityStep({ form }: { form: ReturnType<typeof useForm<WizardValues>> }) {
  const selected = useWatch({ control: form.control, name: "entityType" });
  const error = form.formState.errors.entityType?.message;
  return (
    <fieldset aria-describedby={error ? "entityType-error" : "entityType-help"} className="grid gap-3">
      <legend className="mb-2 text-sm font-medium">Entity type <span aria-hidden="true" className="text-destructive">*</span></legend>
      <p id="entityType-help" className="text-sm text-muted-foreground">
        A foreign government body registers as PRIVATE_PROFIT: GOVERNMENT is for US government entities only.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {ENTITY_TYPES.map((et) => {
          const help = ENTITY_TYPE_HELP[et];
          return (
            <label
              key={et}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border p-4 transition-colors hover:bg-muted/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                selected === et && "border-primary bg-primary/5",
              )}
            >
              <input type="radio" value={et} {...form.register("entityType")} className="mt-1 size-4 accent-[var(--color-primary)]" />
              <span className="grid gap-1">
                <span className="font-medium">{ENTITY_TYPE_LABELS[et]} <code className="font-mono text-xs text-muted-foreground">{et}</code></span>
                <span className="text-sm">{help.summary}</span>
                <span className="text-sm text-muted-foreground">e.g. {help.examples}</span>
                <span className="text-sm text-muted-foreground"><span className="font-medium text-foreground">Verification: </span>{help.verification}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? <p id="entityType-error" className="text-sm font-medium text-destructive">{error}</p> : null}
    </fieldset>
  );
}

function StepNotice({ step, entityType }: { step: FieldStepId; entityType: EntityType }) {
  if (step === "identity" && entityType === "PUBLIC_PROFIT") {
    return (
      <Alert tone="info">
        <AlertTitle>Authentication+ applies to this brand</AlertTitle>
        <AlertDescription>
          After the identity check, the registry emails the business contact a 2FA request. Campaigns can be registered only once that person completes it.
        </AlertDescription>
      </Alert>
    );
  }
  if (step === "identity" && entityType === "SOLE_PROPRIETOR") {
    return (
      <Alert tone="info">
        <AlertTitle>Sole proprietor (SP 2.0) rules</AlertTitle>
        <AlertDescription>
          No company name or tax id. The registry checks the person&apos;s name, address, email and phones more strictly, and the mobile number must be confirmed by an SMS one-time PIN before campaigns can be registered.
        </AlertDescription>
      </Alert>
    );
  }
  return null;
}

function Review({ values, fee, billedBy, onEdit }: { values: WizardValues; fee: FeeLine | null; billedBy: string; onEdit: (step: WizardStepId) => void }) {
  const et = values.entityType as EntityType;
  const body = toCreateInput(values) ?? {};
  const show = (field: string) => {
    const v = body[field];
    if (field === "mock") return v ? "Yes: test brand" : "No";
    if (Array.isArray(v)) return v.join(", ");
    return typeof v === "string" ? v : null;
  };
  return (
    <div className="grid gap-6">
      <section aria-labelledby="review-entity" className="grid gap-2">
        <div className="flex items-center justify-between gap-2">
          <h3 id="review-entity" className="font-medium">Entity type</h3>
          <Button type="button" variant="link" size="sm" onClick={() => onEdit("entity")}>Change entity type</Button>
        </div>
        <p className="text-sm">{ENTITY_TYPE_LABELS[et]} <code className="font-mono text-xs text-muted-foreground">{et}</code></p>
      </section>
      {(["identity", "contact", "classification"] as const).map((s) => (
        <section key={s} aria-labelledby={`review-${s}`} className="grid gap-2">
          <div className="flex items-center justify-between gap-2">
            <h3 id={`review-${s}`} className="font-medium">{WIZARD_STEPS.find((x) => x.id === s)!.title}</h3>
            <Button type="button" variant="link" size="sm" onClick={() => onEdit(s)}>Edit {WIZARD_STEPS.find((x) => x.id === s)!.title.toLowerCase()}</Button>
          </div>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
            {fieldsForStep(et, s).map(({ field, rule }) => (
              <div key={field} className="contents">
                <dt className="text-muted-foreground">{fieldLabel(field)} <code className="font-mono text-xs">{field}</code></dt>
                <dd className="break-words">
                  {show(field) ?? (
                    <span className="text-muted-foreground">
                      {field === "referenceId" ? "Generated from this draft when you register" : rule === "optional" ? "Not given (optional)" : "Missing"}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="review-fee" className="grid gap-2 rounded-lg border bg-muted/30 p-4">
        <h3 id="review-fee" className="font-medium">Fee</h3>
        {fee ? (
          <>
            <p className="text-sm">
              <span className="text-lg font-semibold">{formatUsd(fee.amountUsd)}</span> {fee.label.toLowerCase()}, {fee.recurrence}, charged by {billedBy} when it accepts the brand. Non-refundable, even if the identity check fails.
            </p>
            <p className="text-xs text-muted-foreground">Source: {fee.source}.{values.mock ? " A mock brand's campaigns are not charged." : ""}</p>
          </>
        ) : (
          <p className="text-sm">
            <span className="text-lg font-semibold">Billed by {billedBy}</span>: its API states no price for registering a brand, so this portal
            shows none; your {billedBy} account is charged at its own rate when the brand is accepted.
          </p>
        )}
      </section>
      <section aria-labelledby="review-next" className="grid gap-2">
        <h3 id="review-next" className="font-medium">What happens next</h3>
        <ol className="ml-5 list-decimal space-y-1 text-sm">
          <li>The brand is registered with The Campaign Registry once, even if you click twice or the connection drops: a retry finds the same brand.</li>
          {et === "SOLE_PROPRIETOR" ? (
            <li>Its identity stays SELF_DECLARED until the owner confirms the mobile number: send the SMS one-time PIN from the brand page.</li>
          ) : (
            <li>The registry checks its identity (usually within minutes). The status (VERIFIED or UNVERIFIED) appears on the brand page and in the Brands list as soon as the registry reports it.</li>
          )}
          {et === "PUBLIC_PROFIT" ? <li>Once verified, the business contact gets the Authentication+ 2FA email; campaigns wait until it is completed.</li> : null}
          {et !== "SOLE_PROPRIETOR" ? <li>If it comes back UNVERIFIED, the brand page explains the registry&apos;s feedback and lets you fix the fields and resubmit.</li> : null}
        </ol>
      </section>
    </div>
  );
}
