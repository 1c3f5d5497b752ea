"use client";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Stepper } from "@/components/form/stepper";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { brandQualificationsAction, qualificationAction, saveCampaignDraftAction, submitCampaignDraftAction } from "@/lib/campaigns/actions";
import { carrierRows, contentRequirements, defaultKeywordMessages, NO_RESELLER, requiredSamples, type BrandEligibility } from "@/lib/campaigns/builder";
import { composeMessageFlow } from "@/lib/campaigns/consent";
import { campaignFee, formatMoney } from "@/lib/campaigns/labels";
import type { Finding } from "@/lib/campaigns/lint/types";
import type { BuilderStep, CampaignDraftData } from "@/lib/campaigns/schemas";
import type { UsecaseInfo } from "@/lib/campaigns/usecases";
import { acceptedExtensions, formatBytes, KIND_RULES } from "@/lib/evidence/kinds";
import { SAMPLE_KEYS, type BuilderValues } from "./builder-values";
import { FieldFindings, findingsFor } from "./findings";
import { QualificationMatrix } from "./qualification-matrix";
import type { BuilderResellers } from "./reseller-picker";

// Parts of the later steps, and the compliance rules, are fetched after the page is interactive rather than with it
// (issue 18: first-load JS): the first step shown is usually the brand, which needs none of them. A draft resumed
// on a later step still renders them on the server.
const ConsentBuilder = dynamic(() => import("./consent-builder").then((m) => m.ConsentBuilder));
const FileDropZone = dynamic(() => import("@/components/form/file-drop-zone").then((m) => m.FileDropZone));
const AcknowledgeWarnings = dynamic(() => import("./acknowledge-warnings").then((m) => m.AcknowledgeWarnings));
const PublishedPagesCheck = dynamic(() => import("./published-pages").then((m) => m.PublishedPagesCheck));
const ResellerPicker = dynamic(() => import("./reseller-picker").then((m) => m.ResellerPicker));
// Radix Checkbox: from the sub-use cases step on. Until it is here (a moment after hydration) a box of its size holds its place.
const Checkbox = dynamic(() => import("@/components/ui/checkbox").then((m) => m.Checkbox), {
  loading: () => <span aria-hidden="true" className="inline-block size-4 shrink-0 rounded-[4px] border border-input" />,
});
/** Fetched ahead once the page is interactive, so reaching the content or review step does not wait for them. */
function preloadLaterSteps() {
  for (const p of [
    import("@/components/ui/checkbox"), import("./reseller-picker"), import("./consent-builder"), import("@/components/form/file-drop-zone"),
    import("./acknowledge-warnings"), import("./published-pages"),
  ]) {
    p.catch(() => undefined);
  }
}

type LintEngine = typeof import("@/lib/campaigns/lint/engine");
let lintEngine: Promise<LintEngine> | null = null;
/** The compliance rules (a pure module, the largest part of the builder's code), fetched once; a failed fetch is tried again. */
function loadLintEngine(): Promise<LintEngine> {
  if (!lintEngine) {
    lintEngine = import("@/lib/campaigns/lint/engine");
    lintEngine.catch(() => {
      lintEngine = null;
    });
  }
  return lintEngine;
}

export type BuilderBrand = {
  brandId: string;
  displayName: string | null;
  companyName: string | null;
  entityType: string | null;
  identityStatus: string | null;
  mock: boolean;
  vettingScore: number | null;
  website: string | null;
  eligibility: BrandEligibility;
};

const STEPS = [
  { id: "brand", title: "Brand", description: "Who sends" },
  { id: "usecase", title: "Use case", description: "Carrier qualification" },
  { id: "subUsecases", title: "Sub-use cases", description: "Within the limits" },
  { id: "content", title: "Content", description: "Consent, samples, keywords" },
  { id: "review", title: "Review", description: "Check, fee, submit" },
] as const satisfies readonly { id: BuilderStep; title: string; description: string }[];

const ATTRIBUTES = [
  ["embeddedLink", "Messages contain links", "Public URL shorteners (bit.ly, tinyurl…) are refused."],
  ["embeddedPhone", "Messages contain phone numbers", "Other than the HELP contact number."],
  ["numberPool", "Number pool", "The campaign will use more than 50 numbers."],
  ["ageGated", "Age-gated content", "Alcohol, tobacco, firearms and similar: subscribers' age is checked."],
  ["directLending", "Direct lending", "The brand lends money directly."],
  ["affiliateMarketing", "Affiliate marketing", "Messages promote third parties' offers. Carriers do not allow this; declared here so the check can say so."],
] as const;

function initialValues(d: CampaignDraftData | undefined): BuilderValues {
  const consent = (d?.consent ?? {}) as BuilderValues["consent"];
  return {
    brandId: d?.brandId ?? "",
    usecase: d?.usecase ?? "",
    subUsecases: d?.subUsecases ?? [],
    resellerId: d?.resellerId ?? NO_RESELLER,
    description: d?.description ?? "",
    consent: {
      programName: "", messagePurpose: "", frequency: "RECURRING", frequencyDetail: "", ratesDisclosure: true, helpDisclosure: true, stopDisclosure: true,
      carrierDisclaimer: true, notConditionOfPurchase: true, noThirdPartySharing: true, privacyPolicyUrl: "", termsUrl: "",
      mechanisms: [{ method: "WEB_FORM", location: "", details: "", evidenceUrl: "", checkboxUnchecked: true }],
      ...consent,
    },
    sample1: d?.sample1 ?? "", sample2: d?.sample2 ?? "", sample3: d?.sample3 ?? "", sample4: d?.sample4 ?? "", sample5: d?.sample5 ?? "",
    embeddedLink: d?.embeddedLink ?? false, embeddedLinkSample: d?.embeddedLinkSample ?? "", embeddedPhone: d?.embeddedPhone ?? false,
    numberPool: d?.numberPool ?? false, ageGated: d?.ageGated ?? false, directLending: d?.directLending ?? false, affiliateMarketing: d?.affiliateMarketing ?? false,
    termsAndConditions: d?.termsAndConditions ?? false,
    subscriberOptin: d?.subscriberOptin ?? true, subscriberOptout: d?.subscriberOptout ?? true, subscriberHelp: d?.subscriberHelp ?? true,
    optinKeywords: d?.optinKeywords ?? "", optinMessage: d?.optinMessage ?? "", optoutKeywords: d?.optoutKeywords ?? "", optoutMessage: d?.optoutMessage ?? "",
    helpKeywords: d?.helpKeywords ?? "", helpMessage: d?.helpMessage ?? "",
    privacyPolicyLink: d?.privacyPolicyLink ?? "", termsAndConditionsLink: d?.termsAndConditionsLink ?? "",
    autoRenewal: d?.autoRenewal ?? true, referenceId: d?.referenceId ?? "", mmsFileIds: d?.mmsFileIds ?? [],
    acknowledgements: d?.acknowledgements ?? [],
  };
}

/** What gets saved: the registry fields (messageFlow written from the consent) plus the portal-only parts. */
function toDraftData(v: BuilderValues): CampaignDraftData {
  // The consent's policy links are the campaign's unless the user typed others.
  return {
    ...v,
    messageFlow: composeMessageFlow(v.consent),
    privacyPolicyLink: v.privacyPolicyLink?.trim() || v.consent.privacyPolicyUrl?.trim() || "",
    termsAndConditionsLink: v.termsAndConditionsLink?.trim() || v.consent.termsUrl?.trim() || "",
    consent: v.consent as Record<string, unknown>,
  };
}

async function unwrap<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

export function CampaignBuilder({ brands, usecases, resellers, draft, mmsUnavailable = null, vonagePreview = false }: {
  brands: BuilderBrand[];
  usecases: UsecaseInfo[];
  resellers: BuilderResellers;
  draft: { id: string; step: BuilderStep; data: CampaignDraftData } | null;
  /** Why this organization's upstream takes no MMS sample files (null: it does). */
  mmsUnavailable?: string | null;
  /** On Vonage: offer the preview of the message_flow Vonage computes from the structured consent. */
  vonagePreview?: boolean;
}) {
  const id = useId();
  const router = useRouter();
  const form = useForm<BuilderValues>({ defaultValues: initialValues(draft?.data) });
  const { control, register, setValue, getValues } = form;
  const values = useWatch({ control }) as BuilderValues;
  const [stepIndex, setStepIndex] = useState(() => Math.max(0, STEPS.findIndex((s) => s.id === (draft?.step ?? "brand"))));
  const [reached, setReached] = useState(stepIndex);
  // A ref, not state: two saves in a row (autosave and a step change) must both see the id the first one created.
  const draftIdRef = useRef<string | undefined>(draft?.id);
  const [saveState, setSaveState] = useState<{ state: "idle" | "saving" | "saved" | "error"; at?: string; error?: string }>({ state: draft ? "saved" : "idle" });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [extraSamples, setExtraSamples] = useState(0);
  const step = STEPS[stepIndex]!.id;
  // The compliance check runs once its rules are here (right after hydration); until then it has no findings, and
  // submitting waits for it.
  const [lint, setLint] = useState<{ engine: LintEngine } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    preloadLaterSteps();
    loadLintEngine().then(
      (engine) => live && setLint({ engine }),
      () => live && setLint({ error: "The compliance check could not be loaded. Reload the page to run it." }),
    );
    return () => {
      live = false;
    };
  }, []);
  const engine = lint && "engine" in lint ? lint.engine : null;

  const brand = brands.find((b) => b.brandId === values.brandId);
  const usecase = usecases.find((u) => u.usecase === values.usecase);

  const brandQual = useQuery({
    queryKey: ["campaign-brand-qualifications", values.brandId],
    queryFn: () => unwrap(brandQualificationsAction({ brandId: values.brandId })),
    enabled: Boolean(brand?.eligibility.ok),
    staleTime: 60_000,
  });
  const qual = useQuery({
    queryKey: ["campaign-qualification", values.brandId, values.usecase],
    queryFn: () => unwrap(qualificationAction({ brandId: values.brandId, usecase: values.usecase })),
    enabled: Boolean(brand?.eligibility.ok && values.usecase),
    staleTime: 60_000,
  });
  const rows = useMemo(() => carrierRows(qual.data?.mnoMetadata), [qual.data]);
  const fee = qual.data ? campaignFee(qual.data) : null;
  const needs = contentRequirements(rows);
  const minSub = qual.data?.minSubUsecases ?? usecase?.minSubUsecases ?? 0;
  const maxSub = qual.data?.maxSubUsecases ?? usecase?.maxSubUsecases ?? 0;
  const samplesNeeded = requiredSamples(rows, values.subUsecases?.length ?? 0);
  const filledSamples = SAMPLE_KEYS.filter((k) => (values[k] ?? "").trim()).length;
  const lastFilled = SAMPLE_KEYS.reduce((n, k, i) => ((values[k] ?? "").trim() ? i + 1 : n), 0);
  const sampleFields = Math.min(5, Math.max(samplesNeeded, lastFilled, filledSamples) + extraSamples);

  const findings: Finding[] = useMemo(() => {
    if (!engine || !values.brandId || !values.usecase) return [];
    const data = toDraftData(values);
    return engine.lintCampaign({
      brand: { displayName: brand?.displayName, companyName: brand?.companyName, entityType: brand?.entityType, website: brand?.website },
      campaign: { ...data, subUsecases: data.subUsecases ?? [] },
      mno: qual.data?.mnoMetadata ?? null,
      usecaseLimits: { minSubUsecases: minSub, maxSubUsecases: maxSub },
      consent: values.consent as never,
    });
  }, [engine, values, brand, qual.data, minSub, maxSub]);
  const at = (...fields: string[]) => findingsFor(findings, fields);
  const blocking = findings.filter((f) => f.severity === "block");
  // The first blocking finding of a field is its error (aria-invalid, next to the control); the rest list below it.
  const blockOf = (field: string) => at(field).find((f) => f.severity === "block");
  const blockErr = (field: string): React.ReactNode => {
    const f = blockOf(field);
    if (!f) return submitError?.fields[field];
    return (
      <span data-rule={f.ruleId} data-severity="block">
        {f.message}
        {f.detail ? <span className="font-normal text-muted-foreground"> ({f.detail})</span> : null}
        <code className="ml-1.5 font-mono text-xs font-normal text-muted-foreground">{f.ruleId}</code>
      </span>
    );
  };
  const rest = (...fields: string[]) => at(...fields).filter((f) => !fields.some((k) => blockOf(k) === f));

  /* ---------- saving as you go */
  const saving = useRef<Promise<string | undefined> | null>(null);
  const save = async (stepId: BuilderStep = step): Promise<string | undefined> => {
    if (saving.current) await saving.current;
    const run = (async () => {
      setSaveState({ state: "saving" });
      const r = await saveCampaignDraftAction({ draftId: draftIdRef.current, step: stepId, data: toDraftData(getValues()) });
      if (!r.ok) {
        setSaveState({ state: "error", error: r.error });
        return undefined;
      }
      if (!draftIdRef.current) {
        draftIdRef.current = r.data.draftId;
        window.history.replaceState(null, "", `/campaigns/new?draft=${encodeURIComponent(r.data.draftId)}`);
      }
      setSaveState({ state: "saved", at: new Date(r.data.savedAt).toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" }) });
      return r.data.draftId;
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      saving.current = null;
    }
  };
  const snapshot = JSON.stringify(values);
  const lastSaved = useRef(snapshot);
  useEffect(() => {
    if (!values.brandId || snapshot === lastSaved.current) return;
    const t = setTimeout(() => {
      lastSaved.current = snapshot;
      void save();
    }, 1500);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the snapshot is the dependency; save reads the latest values itself
  }, [snapshot]);

  /* ---------- navigation */
  const canLeave: Record<BuilderStep, string | null> = {
    brand: !brand ? "Choose a brand." : !brand.eligibility.ok ? brand.eligibility.reason : null,
    usecase: !values.usecase ? "Choose a use case." : null,
    subUsecases: (values.subUsecases?.length ?? 0) < minSub || (values.subUsecases?.length ?? 0) > maxSub
      ? maxSub === 0 ? "This use case takes no sub-use cases." : `Choose between ${minSub} and ${maxSub} sub-use cases.`
      : null,
    content: null,
    review: null,
  };
  const go = (i: number) => {
    setStepIndex(i);
    setReached((r) => Math.max(r, i));
    lastSaved.current = JSON.stringify(getValues());
    void save(STEPS[i]!.id);
    window.scrollTo({ top: 0 });
  };
  const next = () => {
    const why = canLeave[step];
    if (why) return toast.error(why);
    go(stepIndex + 1);
  };

  const chooseBrand = (b: BuilderBrand) => {
    setValue("brandId", b.brandId);
    const name = b.displayName ?? b.companyName ?? "";
    const defaults = defaultKeywordMessages(name, b.website);
    // Prefill keywords and replies (STOP/HELP defaults) and the consent's program name, without overwriting edits.
    for (const [k, v] of Object.entries(defaults) as [keyof typeof defaults, string][]) if (!(getValues(k) ?? "").trim()) setValue(k, v);
    if (!getValues("consent.programName")) setValue("consent.programName", name);
  };

  const submit = async () => {
    setSubmitError(null);
    if (!engine) return toast.error(lint && "error" in lint ? lint.error : "The compliance check is still loading.");
    if (engine.hasBlockingFindings(findings)) return toast.error("Fix the problems marked “Blocks submit” first.");
    if (!values.termsAndConditions) return toast.error("Accept the registry's campaign terms first.");
    setSubmitting(true);
    try {
      const idNow = await save("review");
      if (!idNow) return;
      const r = await submitCampaignDraftAction({ draftId: idNow });
      if (!r.ok) {
        setSubmitError({ message: r.error, fields: r.fieldErrors ?? {} });
        return;
      }
      toast.success(`Campaign ${r.data.campaignId} registered.${r.data.attachFailures.length ? ` Some MMS files were not sent: ${r.data.attachFailures.join("; ")}` : ""}`);
      router.push(`/campaigns/${encodeURIComponent(r.data.campaignId)}`);
    } finally {
      setSubmitting(false);
    }
  };

  const eligibleBrands = brands.filter((b) => b.eligibility.ok);
  const qualFor = (u: string) => brandQual.data?.find((q) => q.usecase === u);

  return (
    <div className="space-y-6">
      <Stepper steps={STEPS} current={stepIndex} reachable={reached} onSelect={go} label="Campaign builder steps" />
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {saveState.state === "saving" ? "Saving draft…" : saveState.state === "saved" ? `Draft saved${saveState.at ? ` at ${saveState.at}` : ""}. You can leave and resume from the campaigns list.` : saveState.state === "error" ? `Draft not saved: ${saveState.error}` : "The draft is saved as you go once a brand is chosen."}
      </p>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <form onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-step-title`} className="min-w-0 space-y-6" noValidate>
          <h2 id={`${id}-step-title`} className="text-xl font-semibold">{stepIndex + 1}. {STEPS[stepIndex]!.title}</h2>

          {step === "brand" ? (
            <fieldset className="grid gap-2">
              <legend className="mb-2 text-sm text-muted-foreground">
                Only brands the registry will accept campaigns for can be chosen. {eligibleBrands.length} of {brands.length} can register campaigns now.
              </legend>
              {brands.length === 0 ? <p className="text-sm">No brands yet. <Link className="text-primary underline" href="/brands">Register a brand first.</Link></p> : null}
              {brands.map((b) => {
                const inputId = `${id}-brand-${b.brandId}`;
                return (
                  <label
                    key={b.brandId}
                    htmlFor={inputId}
                    className={`flex items-start gap-3 rounded-md border p-3 ${b.eligibility.ok ? "cursor-pointer hover:bg-muted/50" : "opacity-80"} ${values.brandId === b.brandId ? "border-primary ring-1 ring-primary" : ""}`}
                  >
                    <input
                      id={inputId}
                      type="radio"
                      name="brandId"
                      className="mt-1 size-4 accent-primary"
                      value={b.brandId}
                      checked={values.brandId === b.brandId}
                      disabled={!b.eligibility.ok}
                      onChange={() => chooseBrand(b)}
                      aria-describedby={`${inputId}-why`}
                    />
                    <span className="grid gap-0.5">
                      <span className="font-medium">{b.displayName ?? b.companyName ?? b.brandId} <span className="font-mono text-xs text-muted-foreground">{b.brandId}</span> {b.mock ? <Badge tone="info">mock</Badge> : null}</span>
                      <span id={`${inputId}-why`} className="text-sm text-muted-foreground">
                        {b.entityType ?? "—"} · {b.identityStatus ?? "not checked"}{b.vettingScore != null ? ` · vetting score ${b.vettingScore}` : ""}
                        {b.eligibility.ok ? " · can register campaigns" : <span className="block text-destructive">Cannot register campaigns: {b.eligibility.reason}</span>}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ) : null}

          {step === "usecase" ? (
            <div className="grid gap-6">
              {qual.isFetching ? <Spinner label="Asking the registry about this use case…" showLabel /> : null}
              {qual.error ? <Alert tone="danger"><AlertDescription>{qual.error.message}</AlertDescription></Alert> : null}
              {qual.data && usecase ? <QualificationMatrix q={qual.data} usecaseLabel={usecase.displayName} /> : !values.usecase ? <p className="text-sm text-muted-foreground">Choose a use case to see what each carrier says about it for this brand.</p> : null}
              <FieldFindings findings={at("usecase")} />
              <fieldset className="grid gap-2">
                <legend className="mb-2 text-sm text-muted-foreground">
                  Use cases from the registry, with what each means. {brandQual.isFetching ? "Checking which ones this brand qualifies for…" : brandQual.data ? "The count says on how many carriers the brand qualifies." : ""}
                </legend>
                {usecases.map((u) => {
                  const q = qualFor(u.usecase);
                  const r = q ? carrierRows(q.mnoMetadata) : [];
                  const ok = r.filter((x) => x.qualifies).length;
                  const inputId = `${id}-uc-${u.usecase}`;
                  return (
                    <label key={u.usecase} htmlFor={inputId} className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 hover:bg-muted/50 ${values.usecase === u.usecase ? "border-primary ring-1 ring-primary" : ""}`}>
                      <input
                        id={inputId}
                        type="radio"
                        name="usecase"
                        className="mt-1 size-4 accent-primary"
                        checked={values.usecase === u.usecase}
                        onChange={() => { setValue("usecase", u.usecase); setValue("subUsecases", []); }}
                        aria-describedby={`${inputId}-meaning`}
                      />
                      <span className="grid flex-1 gap-0.5">
                        <span className="flex flex-wrap items-center gap-2 font-medium">
                          {u.displayName} <code className="font-mono text-xs text-muted-foreground">{u.usecase}</code>
                          {u.classification ? <Badge tone={u.classification === "SPECIAL" ? "warning" : "neutral"}>{u.classification}</Badge> : null}
                          {q ? <Badge tone={ok === 0 ? "danger" : ok === r.length ? "success" : "warning"}>Qualifies on {ok} of {r.length}</Badge> : null}
                          {q && campaignFee(q) ? <span className="text-xs text-muted-foreground">{formatMoney(campaignFee(q)!.amount)}/{campaignFee(q)!.per}</span> : null}
                        </span>
                        <span id={`${inputId}-meaning`} className="text-sm text-muted-foreground">{u.description}</span>
                      </span>
                    </label>
                  );
                })}
              </fieldset>
            </div>
          ) : null}

          {step === "subUsecases" ? (
            maxSub === 0 ? (
              <p className="text-sm">{usecase?.displayName ?? values.usecase} takes no sub-use cases. Continue to the content.</p>
            ) : (
              <fieldset className="grid gap-2 sm:grid-cols-2">
                <legend className="mb-2 text-sm">
                  Choose {minSub === maxSub ? minSub : `${minSub} to ${maxSub}`} sub-use cases: what the messages of this {usecase?.displayName ?? values.usecase} campaign are about.
                  Chosen: {values.subUsecases?.length ?? 0}. Each sub-use case needs a sample message.
                </legend>
                {usecases.filter((u) => u.validSubUsecase).map((u) => (
                  <Controller
                    key={u.usecase}
                    control={control}
                    name="subUsecases"
                    render={({ field }) => {
                      const on = field.value?.includes(u.usecase) ?? false;
                      return (
                        <FormField label={`${u.displayName} (${u.usecase})`} htmlFor={`${id}-sub-${u.usecase}`} layout="inline" description={u.description}>
                          <Checkbox
                            checked={on}
                            disabled={!on && (field.value?.length ?? 0) >= maxSub}
                            onCheckedChange={(v) => field.onChange(v ? [...(field.value ?? []), u.usecase] : (field.value ?? []).filter((x) => x !== u.usecase))}
                          />
                        </FormField>
                      );
                    }}
                  />
                ))}
                <FieldFindings findings={at("subUsecases")} className="sm:col-span-2" />
              </fieldset>
            )
          ) : null}

          {step === "content" ? (
            <div className="grid gap-6">
              <FormField label="Campaign description" htmlFor={`${id}-description`} required error={blockErr("description")} description={`${(values.description ?? "").length} of 40–4096 characters. Who sends, to whom, and why.`}>
                <Textarea {...register("description")} rows={3} />
              </FormField>
              <FieldFindings findings={rest("description")} />

              <ConsentBuilder control={control} register={register} findings={at("messageFlow")} vonagePreview={vonagePreview} />

              <fieldset className="grid gap-3 rounded-md border p-4">
                <legend className="px-1 text-base font-semibold">Sample messages</legend>
                <p className="text-sm text-muted-foreground">
                  The carriers ask for at least <strong>{samplesNeeded}</strong> sample{samplesNeeded === 1 ? "" : "s"} for this use case{values.subUsecases?.length ? " and its sub-use cases" : ""}.
                  Write them as subscribers will receive them: brand name first, and opt-out language (“Reply STOP to opt out”).
                </p>
                {SAMPLE_KEYS.slice(0, sampleFields).map((k, i) => (
                  <div key={k} className="grid gap-1.5">
                    <FormField label={`Sample message ${i + 1}`} htmlFor={`${id}-${k}`} required={i < samplesNeeded} error={blockErr(k)} description={`${(values[k] ?? "").length} of 20–1024 characters · ${k}`}>
                      <Textarea {...register(k)} rows={2} />
                    </FormField>
                    <FieldFindings findings={rest(k)} />
                  </div>
                ))}
                {sampleFields < 5 ? (
                  <div><Button type="button" variant="outline" size="sm" onClick={() => setExtraSamples((n) => n + 1)}>Add a sample</Button></div>
                ) : null}
              </fieldset>

              <fieldset className="grid gap-3 rounded-md border p-4">
                <legend className="px-1 text-base font-semibold">Content attributes</legend>
                {needs.noLinks.length ? <p className="text-sm text-warning-foreground">No links allowed by {needs.noLinks.join(", ")}.</p> : null}
                {needs.noPhones.length ? <p className="text-sm text-warning-foreground">No phone numbers allowed by {needs.noPhones.join(", ")}.</p> : null}
                <div className="grid gap-3 sm:grid-cols-2">
                  {ATTRIBUTES.map(([k, label, desc]) => (
                    <div key={k} className="grid gap-1">
                      <Controller
                        control={control}
                        name={k}
                        render={({ field }) => (
                          <FormField label={label} htmlFor={`${id}-${k}`} layout="inline" description={desc} error={blockErr(k)}>
                            <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
                          </FormField>
                        )}
                      />
                      <FieldFindings findings={rest(k)} />
                    </div>
                  ))}
                </div>
                {values.embeddedLink ? (
                  <FormField label="Example of the link used in messages" htmlFor={`${id}-embeddedLinkSample`} description="Your own domain; no public shorteners." error={blockErr("embeddedLinkSample")}>
                    <Input {...register("embeddedLinkSample")} placeholder="https://" />
                  </FormField>
                ) : null}
              </fieldset>

              <fieldset className="grid gap-4 rounded-md border p-4">
                <legend className="px-1 text-base font-semibold">Keywords and replies</legend>
                {(
                  [
                    ["subscriberOptin", "Opt-in", "optinKeywords", "optinMessage", needs.optin],
                    ["subscriberOptout", "Opt-out", "optoutKeywords", "optoutMessage", needs.optout],
                    ["subscriberHelp", "Help", "helpKeywords", "helpMessage", needs.help],
                  ] as const
                ).map(([flag, label, kw, msg, required]) => (
                  <div key={flag} className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
                    <Controller
                      control={control}
                      name={flag}
                      render={({ field }) => (
                        <FormField label={`${label} supported`} htmlFor={`${id}-${flag}`} layout="inline" description={required ? "Required by the carriers" : undefined} error={blockErr(flag)}>
                          <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
                        </FormField>
                      )}
                    />
                    <div className="grid gap-3">
                      <FormField label={`${label} keywords`} htmlFor={`${id}-${kw}`} description="Comma-separated, no spaces" error={blockErr(kw)}>
                        <Input {...register(kw)} disabled={!values[flag]} />
                      </FormField>
                      <FormField label={`${label} reply`} htmlFor={`${id}-${msg}`} description={`${(values[msg] ?? "").length} of 20–1024 characters`} error={blockErr(msg)}>
                        <Textarea {...register(msg)} rows={2} disabled={!values[flag]} />
                      </FormField>
                      <FieldFindings findings={rest(kw, msg)} />
                    </div>
                  </div>
                ))}
              </fieldset>

              <fieldset className="grid gap-4 rounded-md border p-4 sm:grid-cols-2">
                <legend className="px-1 text-base font-semibold">Links, reference and renewal</legend>
                <FormField label="Privacy policy link" htmlFor={`${id}-privacyPolicyLink`} error={blockErr("privacyPolicyLink")} description="Left empty, the consent's privacy policy URL is used.">
                  <Input type="url" {...register("privacyPolicyLink")} placeholder="https://" />
                </FormField>
                <FormField label="Terms and conditions link" htmlFor={`${id}-termsAndConditionsLink`} error={blockErr("termsAndConditionsLink")} description="Left empty, the consent's terms URL is used.">
                  <Input type="url" {...register("termsAndConditionsLink")} placeholder="https://" />
                </FormField>
                <FieldFindings findings={rest("privacyPolicyLink", "termsAndConditionsLink")} className="sm:col-span-2" />
                <FormField label="Your reference id (optional)" htmlFor={`${id}-referenceId`} description="Up to 50 characters; fixed once registered. One is generated if left empty.">
                  <Input {...register("referenceId")} maxLength={50} />
                </FormField>
                <Controller
                  control={control}
                  name="autoRenewal"
                  render={({ field }) => (
                    <FormField label="Renew automatically" htmlFor={`${id}-autoRenewal`} layout="inline" description="Otherwise the campaign expires at the end of the billing period.">
                      <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
                    </FormField>
                  )}
                />
              </fieldset>

              <ResellerPicker
                id={`${id}-resellerId`}
                resellers={resellers}
                value={values.resellerId || NO_RESELLER}
                onChange={(v) => setValue("resellerId", v)}
                error={blockErr("resellerId")}
              />

              <section aria-labelledby={`${id}-mms`} className="grid gap-3 rounded-md border p-4">
                <h3 id={`${id}-mms`} className="text-base font-semibold">MMS sample media (optional)</h3>
                {mmsUnavailable ? <p className="text-sm text-muted-foreground">{mmsUnavailable}</p> : (
                  <>
                    <p className="text-sm text-muted-foreground">Files are kept in the evidence library and sent to the registry right after the campaign is created.</p>
                    {(values.mmsFileIds?.length ?? 0) > 0 ? <p className="text-sm">{values.mmsFileIds.length} file{values.mmsFileIds.length === 1 ? "" : "s"} ready to send.</p> : null}
                    <FileDropZone
                      kind="MMS_SAMPLE"
                      label="Add MMS sample media"
                      hint={`${acceptedExtensions("MMS_SAMPLE").map((e) => `.${e}`).join(", ")} · up to ${formatBytes(KIND_RULES.MMS_SAMPLE.maxBytes)} each`}
                      maxBytes={KIND_RULES.MMS_SAMPLE.maxBytes}
                      onUploaded={(f) => setValue("mmsFileIds", [...(getValues("mmsFileIds") ?? []), f.id])}
                    />
                  </>
                )}
              </section>
            </div>
          ) : null}

          {step === "review" ? (
            <div className="grid gap-6">
              {submitError ? (
                <Alert tone="danger">
                  <AlertTitle>Not submitted</AlertTitle>
                  <AlertDescription>
                    {submitError.message}
                    {Object.keys(submitError.fields).length ? (
                      <ul className="mt-1 list-disc pl-5">{Object.entries(submitError.fields).map(([k, v]) => <li key={k}><code className="font-mono">{k}</code>: {v}</li>)}</ul>
                    ) : null}
                  </AlertDescription>
                </Alert>
              ) : null}
              <Card role="region" aria-labelledby={`${id}-findings`}>
                <CardHeader>
                  <CardTitle asChild><h3 id={`${id}-findings`}>Compliance check</h3></CardTitle>
                  <CardDescription>
                    {!engine
                      ? lint && "error" in lint ? lint.error : "Loading the compliance check…"
                      : blocking.length
                      ? `${blocking.length} problem${blocking.length === 1 ? "" : "s"} would get this campaign rejected. Submit stays off until they are fixed.`
                      : findings.length ? "Nothing blocks submission. Read the warnings: each one is a published reason for rejection." : "No findings."}
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <FieldFindings findings={findingsFor(findings, findings.flatMap((f) => f.fields))} />
                  {findings.some((f) => f.fields.length === 0) ? <FieldFindings findings={findings.filter((f) => f.fields.length === 0)} /> : null}
                  <AcknowledgeWarnings findings={findings} acks={values.acknowledgements ?? []}
                    onChange={(next) => setValue("acknowledgements", next, { shouldDirty: true })} />
                </CardContent>
              </Card>
              <PublishedPagesCheck titleId={`${id}-pages`} saveDraft={async () => (await save("review")) ?? null} />
              {qual.data && usecase ? <QualificationMatrix q={qual.data} usecaseLabel={usecase.displayName} /> : null}
              <Card role="region" aria-labelledby={`${id}-values`}>
                <CardHeader>
                  <CardTitle asChild><h3 id={`${id}-values`}>What will be sent</h3></CardTitle>
                  <CardDescription>Field names as the registry spells them.</CardDescription>
                </CardHeader>
                <CardContent>
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                    {Object.entries({ ...toDraftData(values), consent: undefined, mmsFileIds: undefined, affiliateMarketing: undefined, acknowledgements: undefined }).filter(([, v]) => v !== undefined).map(([k, v]) => (
                      <div key={k} className={`grid min-w-0 gap-0.5 ${typeof v === "string" && v.length > 60 ? "sm:col-span-2" : ""}`}>
                        <dt className="font-mono text-xs text-muted-foreground">{k}</dt>
                        <dd className="break-words whitespace-pre-wrap">{Array.isArray(v) ? v.join(", ") || "—" : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v || "—")}</dd>
                      </div>
                    ))}
                  </dl>
                </CardContent>
              </Card>
              <Card role="region" aria-labelledby={`${id}-fee`}>
                <CardHeader>
                  <CardTitle asChild><h3 id={`${id}-fee`}>Fee</h3></CardTitle>
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  <p data-testid="campaign-fee">
                    {qual.data ? (
                      fee ? (
                        <>Registration costs <strong>{formatMoney(fee.amount)} a {fee.per}</strong>{fee.per === "month" && qual.data.quarterlyFee != null ? `, ${formatMoney(qual.data.quarterlyFee)} a quarter` : fee.per === "quarter" && qual.data.annualFee != null ? ` (${formatMoney(qual.data.annualFee)} a year)` : ""}, charged when you submit and on each renewal{values.autoRenewal ? " (auto-renewal on)" : " (auto-renewal off: it expires after the first period)"}.</>
                      ) : <>The registry states no fee for this use case; it is charged at the upstream&apos;s own rate when you submit.</>
                    ) : "Fee unknown until the registry answers for this brand and use case."}
                  </p>
                  <Controller
                    control={control}
                    name="termsAndConditions"
                    render={({ field }) => (
                      <FormField label="I accept the registry's campaign terms and conditions (termsAndConditions)" htmlFor={`${id}-tc`} layout="inline" error={blockErr("termsAndConditions")}>
                        <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} />
                      </FormField>
                    )}
                  />
                  <div>
                    <Button type="button" onClick={submit} disabled={submitting || !engine || blocking.length > 0 || !values.termsAndConditions || !qual.data}>
                      {submitting ? "Submitting…" : fee ? `Submit and pay ${formatMoney(fee.amount)}/${fee.per}` : "Submit"}
                    </Button>
                  </div>
                </CardContent>
              </Card>
            </div>
          ) : null}

          <div className="flex flex-wrap items-center gap-2 border-t pt-4">
            {stepIndex > 0 ? <Button type="button" variant="outline" onClick={() => go(stepIndex - 1)}>Back</Button> : null}
            {stepIndex < STEPS.length - 1 ? <Button type="button" onClick={next}>Next: {STEPS[stepIndex + 1]!.title}</Button> : null}
            {canLeave[step] && step !== "review" ? <span className="text-sm text-muted-foreground">{canLeave[step]}</span> : null}
          </div>
        </form>

        <aside aria-labelledby={`${id}-summary`} className="h-fit space-y-3 rounded-lg border p-4 text-sm xl:sticky xl:top-4">
          <h2 id={`${id}-summary`} className="font-semibold">Summary</h2>
          <p>Brand: {brand ? <strong>{brand.displayName ?? brand.brandId}</strong> : <span className="text-muted-foreground">not chosen</span>}</p>
          <p>Use case: {usecase ? <strong>{usecase.displayName}</strong> : <span className="text-muted-foreground">not chosen</span>}</p>
          {qual.data ? (
            <>
              <p>Carriers: {rows.filter((r) => r.qualifies).length} of {rows.length} qualify{rows.some((r) => r.review && r.qualifies) ? " (some after manual review)" : ""}</p>
              <p>Fee: {formatMoney(qual.data.monthlyFee)} a month</p>
            </>
          ) : null}
          {engine && values.brandId && values.usecase && stepIndex >= 3 ? (
            <p aria-live="polite">
              Check: <Badge tone={blocking.length ? "danger" : "success"}>{blocking.length} blocking</Badge>{" "}
              <Badge tone="warning">{findings.filter((f) => f.severity === "warn").length} warnings</Badge>
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

