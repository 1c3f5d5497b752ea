"use client";

import * as React from "react";
import { CircleExclamationPoint } from "lucide-react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";
import { FormFieldContext, type FormFieldContextValue } from "@/components/ui/form-field-context";

export interface FormFieldProps {
  label: React.ReactNode;
  /** Id given to the control; the label points at it, so getByLabel(label) finds the control. */
  htmlFor: string;
  description?: React.ReactNode;
  /** The validation message (e.g. react-hook-form's `errors.field?.message`); empty means valid. */
  error?: React.ReactNode;
  required?: boolean;
  /** "inline" puts the control before the label, for checkboxes. */
  layout?: "stacked" | "inline";
  /** Keeps the label for screen readers only, e.g. for a control inside a table row. */
  hideLabel?: boolean;
  className?: string;
  children: React.ReactNode;
}

/**
 * Presentational field: label + control + description + error. The control (Input, Textarea,
 * NativeSelect, SelectTrigger, Checkbox, or anything using useFormFieldControl) picks up its id,
 * aria-describedby, aria-invalid and aria-required from here.
 */
function FormField({
  label,
  htmlFor,
  description,
  error,
  required = false,
  layout = "stacked",
  hideLabel = false,
  className,
  children,
}: FormFieldProps) {
  const hasDescription = description != null && description !== false && description !== "";
  const hasError = error != null && error !== false && error !== "";
  const descriptionId = hasDescription ? `${htmlFor}-description` : undefined;
  const errorId = hasError ? `${htmlFor}-error` : undefined;

  const context = React.useMemo<FormFieldContextValue>(
    () => ({
      id: htmlFor,
      describedBy: [descriptionId, errorId].filter(Boolean).join(" ") || undefined,
      invalid: hasError,
      required,
    }),
    [htmlFor, descriptionId, errorId, hasError, required],
  );

  // The asterisk sits outside the <label> so the label text, and with it getByLabel(...) in tests,
  // stays exactly the field name; aria-required on the control carries "required" to assistive tech.
  const labelNode = (
    <div className={cn("flex items-center gap-1", hideLabel && "sr-only")}>
      <Label htmlFor={htmlFor} className={cn(layout === "inline" && "font-normal")}>
        {label}
      </Label>
      {required ? (
        <span aria-hidden="true" className="text-sm leading-none font-medium text-destructive">
          *
        </span>
      ) : null}
    </div>
  );
  const descriptionNode = hasDescription ? (
    <p id={descriptionId} data-slot="form-description" className="text-sm text-muted-foreground">
      {description}
    </p>
  ) : null;
  const errorNode = hasError ? (
    <p
      id={errorId}
      data-slot="form-message"
      className="flex items-start gap-1.5 text-sm font-medium text-destructive"
    >
      <CircleExclamationPoint aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
      <span>{error}</span>
    </p>
  ) : null;

  return (
    <FormFieldContext.Provider value={context}>
      {layout === "inline" ? (
        <div
          data-slot="form-field"
          data-invalid={hasError || undefined}
          className={cn("flex items-start gap-3", className)}
        >
          <div className="flex h-5 items-center">{children}</div>
          <div className="grid gap-1.5">
            {labelNode}
            {descriptionNode}
            {errorNode}
          </div>
        </div>
      ) : (
        <div
          data-slot="form-field"
          data-invalid={hasError || undefined}
          className={cn("grid content-start gap-2", className)}
        >
          {labelNode}
          {children}
          {descriptionNode}
          {errorNode}
        </div>
      )}
    </FormFieldContext.Provider>
  );
}

export { FormField };
export { useFormFieldControl } from "@/components/ui/form-field-context";
