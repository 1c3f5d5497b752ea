"use client";

import * as React from "react";

export interface FormFieldContextValue {
  /** The control's id; the label's htmlFor points at it. */
  id: string;
  /** Space-separated ids of the description and error message, when present. */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

export const FormFieldContext = React.createContext<FormFieldContextValue | null>(null);

type AriaControlProps = {
  id?: string | undefined;
  "aria-describedby"?: string | undefined;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"] | undefined;
  "aria-required"?: React.AriaAttributes["aria-required"] | undefined;
};

/**
 * Fills a control's id and ARIA wiring from the surrounding <FormField>. Explicit props win, so a
 * control can still be used (and wired by hand) outside a field. Custom controls call this too.
 */
export function useFormFieldControl<P extends AriaControlProps>(props: P): P {
  const field = React.useContext(FormFieldContext);
  if (!field) return props;
  const describedBy =
    [field.describedBy, props["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  return {
    ...props,
    id: props.id ?? field.id,
    "aria-describedby": describedBy,
    "aria-invalid": props["aria-invalid"] ?? (field.invalid ? true : undefined),
    "aria-required": props["aria-required"] ?? (field.required ? true : undefined),
  };
}
