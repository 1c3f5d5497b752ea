"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/lib/account/actions";
import { confirmTotpSchema, disableTotpSchema } from "@/lib/account/schemas";

/** Two-factor sign-in: set up (secret and otpauth URI, confirmed by a first code), recovery codes shown once, turn off. */
export function TotpSection({ enabled, recoveryLeft }: { enabled: boolean; recoveryLeft: number }) {
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      const r = await startTotpAction({});
      if (!r.ok) return void toast.error(r.error);
      setEnrolment(r.data);
    });

  if (codes) {
    return (
      <div className="space-y-3">
        <Alert tone="success"><AlertDescription>Two-factor sign-in is on.</AlertDescription></Alert>
        <p className="text-sm">Recovery codes: each signs you in once if you lose your authenticator. They are shown only now; keep them somewhere safe.</p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
          {codes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <Button variant="outline" onClick={() => setCodes(null)}>I have saved them</Button>
      </div>
    );
  }
  if (enabled) return <DisableForm recoveryLeft={recoveryLeft} />;
  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-muted-foreground">Off. With it on, signing in also asks for a code from an authenticator app.</p>
        <Button onClick={start} disabled={pending}>Set up two-factor sign-in</Button>
      </div>
    );
  }
  return <ConfirmForm enrolment={enrolment} onDone={setCodes} />;
}

function ConfirmForm({ enrolment, onDone }: { enrolment: { secret: string; uri: string }; onDone: (codes: string[]) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<z.input<typeof confirmTotpSchema>>({ resolver: zodResolver(confirmTotpSchema), defaultValues: { code: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await confirmTotpAction(values);
    const message = applyActionResult(r, setError);
    if (message) return setFormError(message);
    if (r.ok) onDone(r.data.recoveryCodes);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Confirm two-factor sign-in">
      <p className="text-sm">Add this account to your authenticator app with the link, or type the key by hand; then enter the code it shows.</p>
      <dl className="space-y-2 text-sm">
        <div><dt className="font-medium">Link</dt><dd><a className="break-all underline" href={enrolment.uri}>{enrolment.uri}</a></dd></div>
      </dl>
      <FormField label="Setup key" htmlFor="totp-secret" description="For typing into the app by hand.">
        <Input readOnly value={enrolment.secret} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
      </FormField>
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <FormField label="Code from your app" htmlFor="totp-code" error={formState.errors.code?.message} required>
        <Input inputMode="numeric" autoComplete="one-time-code" {...register("code")} />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>Turn on</Button>
    </form>
  );
}

function DisableForm({ recoveryLeft }: { recoveryLeft: number }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<z.input<typeof disableTotpSchema>>({ resolver: zodResolver(disableTotpSchema), defaultValues: { password: "", code: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await disableTotpAction(values);
    const message = applyActionResult(r, setError);
    if (message) return setFormError(message);
    toast.success("Two-factor sign-in is off.");
    reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Turn off two-factor sign-in">
      <p className="text-sm text-muted-foreground">On. {recoveryLeft} recovery code{recoveryLeft === 1 ? "" : "s"} left.</p>
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <FormField label="Password" htmlFor="totp-off-password" error={formState.errors.password?.message} required>
        <Input type="password" autoComplete="current-password" {...register("password")} />
      </FormField>
      <FormField label="Code or recovery code" htmlFor="totp-off-code" error={formState.errors.code?.message} required>
        <Input autoComplete="one-time-code" {...register("code")} />
      </FormField>
      <Button type="submit" variant="outline" disabled={formState.isSubmitting}>Turn off two-factor sign-in</Button>
    </form>
  );
}
