"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type Contact = { companyName: string; phone: string; email: string };

/** The three fields a reseller has at the registry and at Vonage alike; labels name each upstream's field. */
export function ResellerContactFields({ id, register, errors, companyLabel, phoneLabel, phoneExample }: {
  id: string;
  register: UseFormRegister<Contact>;
  errors: FieldErrors<Contact>;
  companyLabel: string;
  phoneLabel: string;
  phoneExample: string;
}) {
  return (
    <>
      <FormField label={companyLabel} htmlFor={`${id}-companyName`} required error={errors.companyName?.message} description="Up to 100 characters.">
        <Input {...register("companyName")} maxLength={100} autoComplete="organization" />
      </FormField>
      <FormField label={phoneLabel} htmlFor={`${id}-phone`} required error={errors.phone?.message} description={`E.164 international format, e.g. ${phoneExample}.`}>
        <Input {...register("phone")} type="tel" autoComplete="tel" placeholder={phoneExample} />
      </FormField>
      <FormField label="Contact email (email)" htmlFor={`${id}-email`} required error={errors.email?.message} description="Up to 100 characters.">
        <Input {...register("email")} type="email" autoComplete="email" maxLength={100} />
      </FormField>
    </>
  );
}
