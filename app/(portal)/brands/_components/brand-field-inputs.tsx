"use client";
import type * as React from "react";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { BRAND_RELATIONSHIP_HELP, FIELD_HELP } from "@/lib/brands/wizard-help";
import { fieldLabel, US_STATES, type WizardOptions, type WizardTextField, type WizardValues } from "@/lib/brands/wizard";
import type { BrandField, FieldRule } from "@/lib/tcr/schemas/brand";
import { BrandRelationship, STOCK_EXCHANGES } from "@/lib/tcr/schemas/enums";

type Rule = Exclude<FieldRule, "forbidden">;

const INPUT_PROPS: Partial<Record<BrandField, React.ComponentProps<"input">>> = {
  email: { type: "email", autoComplete: "email" },
  businessContactEmail: { type: "email", autoComplete: "off" },
  phone: { type: "tel", autoComplete: "tel", placeholder: "+12025550123" },
  mobilePhone: { type: "tel", autoComplete: "off", placeholder: "+12025550123" },
  website: { type: "url", inputMode: "url", placeholder: "https://www.example.com" },
  ein: { inputMode: "numeric", autoComplete: "off", placeholder: "123456789" },
  postalCode: { autoComplete: "postal-code" },
  street: { autoComplete: "street-address" },
  city: { autoComplete: "address-level2" },
  einIssuingCountry: { maxLength: 2, placeholder: "US", autoCapitalize: "characters" },
  country: { maxLength: 2, placeholder: "US", autoCapitalize: "characters" },
  stockSymbol: { autoCapitalize: "characters" },
  tag: { placeholder: "retail spring2026" },
  ipAddress: { inputMode: "text", autoComplete: "off", spellCheck: false, placeholder: "203.0.113.7" },
};

/**
 * The inputs for a list of brand fields, each marked required or optional as the entity type's rules say.
 * Shared by the registration wizard and the edit form. `notes` puts extra text (feedback, locks) at a field.
 */
export function BrandFieldInputs({
  form,
  fields,
  options,
  notes = {},
  locked = {},
}: {
  form: UseFormReturn<WizardValues>;
  fields: { field: BrandField; rule: Rule }[];
  options: WizardOptions;
  notes?: Partial<Record<string, React.ReactNode>>;
  /** Fields shown read-only (e.g. core fields while the brand has external vets or active campaigns). */
  locked?: Partial<Record<string, boolean>>;
}) {
  const { register, control, formState } = form;
  const country = useWatch({ control, name: "country" });
  const isUS = (country ?? "").trim().toUpperCase() === "US";

  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {fields.map(({ field, rule }) => {
        const error = formState.errors[field as keyof WizardValues]?.message;
        const help = FIELD_HELP[field];
        const note = notes[field];
        const description = (
          <>
            {note ? <span className="mb-1 block">{note}</span> : null}
            {rule === "optional" ? <span className="font-medium">Optional. </span> : null}
            {help}
          </>
        );
        const common = { label: fieldLabel(field), htmlFor: field, error, required: rule === "required", description };
        const disabled = Boolean(locked[field]);

        if (field === "mock") {
          return (
            <FormField key={field} {...common} layout="inline" className="sm:col-span-2">
              <Controller
                control={control}
                name="mock"
                render={({ field: f }) => <Checkbox checked={f.value} onCheckedChange={(v) => f.onChange(v === true)} onBlur={f.onBlur} ref={f.ref} disabled={disabled} />}
              />
            </FormField>
          );
        }
        const name = field as WizardTextField;
        const select = (choices: { value: string; label: string }[]) => (
          <NativeSelect {...register(name)}>
            <option value="">Choose…</option>
            {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </NativeSelect>
        );
        let control_: React.ReactNode;
        // Locked fields stay in the form (and unchanged) as read-only text; a disabled control would drop its value.
        if (disabled) control_ = <Input readOnly spellCheck={false} {...register(name)} className="bg-muted" />;
        else if (field === "stockExchange") control_ = select(STOCK_EXCHANGES.map((v) => ({ value: v, label: v })));
        else if (field === "brandRelationship") control_ = select(BrandRelationship.options.map((v) => ({ value: v, label: `${v}: ${BRAND_RELATIONSHIP_HELP[v]}` })));
        else if (field === "vertical" && options.verticals) control_ = select(options.verticals.map((v) => ({ value: v.value, label: `${v.label} (${v.value})` })));
        else if (field === "altBusinessIdType") control_ = select(options.altBusinessIdTypes.map((v) => ({ value: v, label: v })));
        else if (field === "state" && isUS) control_ = select(Object.entries(US_STATES).map(([v, l]) => ({ value: v, label: `${l} (${v})` })));
        else if ((field === "country" || field === "einIssuingCountry") && options.countries) control_ = select(options.countries.map((c) => ({ value: c.value, label: `${c.label} (${c.value})` })));
        else control_ = <Input spellCheck={false} {...INPUT_PROPS[field]} {...register(name)} />;
        return (
          <FormField key={field} {...common} className={field === "street" || field === "businessContactEmail" || field === "tag" ? "sm:col-span-2" : undefined}>
            {control_}
          </FormField>
        );
      })}
    </div>
  );
}
