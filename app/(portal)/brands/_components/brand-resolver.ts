import type { FieldErrors as RhfErrors, Resolver } from "react-hook-form";
import { validateWizard, type WizardValues } from "@/lib/brands/wizard";

/** The rules the server applies (lib/brands/wizard.ts validateWizard), as react-hook-form errors. */
export const brandResolver: Resolver<WizardValues> = async (values) => {
  const errs = validateWizard(values);
  if (Object.keys(errs).length === 0) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const [k, message] of Object.entries(errs)) errors[k] = { type: "validate", message };
  return { values: {}, errors: errors as RhfErrors<WizardValues> };
};
