"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { sendBrandOtpAction, verifyBrandOtpAction } from "@/lib/brands/lifecycle-actions";
import {
  DEFAULT_PIN_SMS, DEFAULT_SUCCESS_SMS, DEFAULT_YES_SMS, OTP_PIN_MACRO, OTP_SMS_MAX, OTP_YES_MACRO, sendOtpSchema, verifyOtpSchema,
} from "@/lib/brands/otp-schemas";

type SendValues = z.input<typeof sendOtpSchema>;

/** Send (or resend) the passcode: the message template must carry @OTP_PIN@ or @OTP_YES@. */
export function SendOtpForm({ brandId, resend }: { brandId: string; resend: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setValue, control } = useForm<SendValues>({
    resolver: zodResolver(sendOtpSchema),
    defaultValues: { brandId, pinSms: DEFAULT_PIN_SMS, successSms: "" },
  });
  const pinSms = useWatch({ control, name: "pinSms" }) ?? "";
  const yesFlow = pinSms.includes(OTP_YES_MACRO);
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await sendBrandOtpAction({ ...values, successSms: values.successSms || undefined }), setError);
    if (message) return setFormError(message);
    toast.success(resend ? "A new passcode was sent; the previous one no longer works." : "Passcode sent to the owner's mobile phone.");
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={resend ? "Resend the passcode" : "Send the passcode"}>
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <FormField
        label="Message to the owner"
        htmlFor="otp-pin-sms"
        required
        error={formState.errors.pinSms?.message}
        description={
          <>
            Must contain <code className="font-mono">{OTP_PIN_MACRO}</code> (replaced by a 6-digit code the owner tells you) or{" "}
            <code className="font-mono">{OTP_YES_MACRO}</code> (the owner replies YES). {pinSms.length}/{OTP_SMS_MAX} characters.
          </>
        }
      >
        <Textarea rows={2} maxLength={OTP_SMS_MAX} {...register("pinSms")} />
      </FormField>
      <div className="flex flex-wrap gap-2 text-xs">
        <Button type="button" variant="link" size="sm" className="h-auto p-0" onClick={() => setValue("pinSms", DEFAULT_PIN_SMS, { shouldValidate: true })}>Use the code template</Button>
        <Button type="button" variant="link" size="sm" className="h-auto p-0" onClick={() => { setValue("pinSms", DEFAULT_YES_SMS, { shouldValidate: true }); setValue("successSms", DEFAULT_SUCCESS_SMS); }}>Use the reply-YES template</Button>
      </div>
      {yesFlow ? (
        <FormField label="Confirmation message (optional)" htmlFor="otp-success-sms" error={formState.errors.successSms?.message} description="Sent after the owner replies YES.">
          <Input maxLength={OTP_SMS_MAX} {...register("successSms")} />
        </FormField>
      ) : null}
      <Button type="submit" variant={resend ? "outline" : "default"} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting || undefined}>
        {formState.isSubmitting ? "Sending…" : resend ? "Resend passcode" : "Send passcode"}
      </Button>
    </form>
  );
}

type VerifyValues = z.input<typeof verifyOtpSchema>;

export function VerifyOtpForm({ brandId }: { brandId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<VerifyValues>({ resolver: zodResolver(verifyOtpSchema), defaultValues: { brandId, otpPin: "" } });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await verifyBrandOtpAction(values), setError);
    if (message) return setFormError(message);
    toast.success("Passcode accepted: the brand is verified.");
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2" aria-label="Enter the passcode">
      <FormField label="Passcode (PIN)" htmlFor="otp-pin" error={formState.errors.otpPin?.message ?? formError} className="w-44">
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...register("otpPin")} />
      </FormField>
      <Button type="submit" className="mt-6" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting || undefined}>
        {formState.isSubmitting ? "Checking…" : "Verify passcode"}
      </Button>
    </form>
  );
}
