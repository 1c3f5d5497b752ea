"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useHydrated } from "@/components/form/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { CODE_REQUIRED, signInSchema, WRONG_CODE } from "@/lib/auth/schemas";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl, expired }: { callbackUrl: string; expired: boolean }) {
  const [formError, setFormError] = useState<string | null>(expired ? "Your session has ended. Sign in again." : null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "", code: "" } });
  // The code field appears once the server says this account has two-factor sign-in on.
  const [needsCode, setNeedsCode] = useState(false);
  // Until React has hydrated, a submit would be the browser's own: the button stays disabled (which also stops
  // Enter from submitting), and method/action make even a forced native submit a POST body, never a query string.
  const hydrated = useHydrated();

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setFormError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Email or password is incorrect.");
      if (res?.error === CODE_REQUIRED || res?.error === WRONG_CODE) setNeedsCode(true);
      return;
    }
    // A full page load, not a client navigation: the portal layout may send the new session elsewhere (a password
    // change after an admin's reset, two-factor enrolment an organization requires), and a layout's redirect during
    // a client navigation inside the same layout rendered a blank page. callbackUrl is same-origin (safeCallback).
    window.location.assign(callbackUrl);
  });

  return (
    <Card>
      <CardContent className="pt-6">
        <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
          {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
          <FormField label="Email" htmlFor="email" error={formState.errors.email?.message} required>
            <Input type="email" autoComplete="username" autoFocus {...register("email")} />
          </FormField>
          <FormField label="Password" htmlFor="password" error={formState.errors.password?.message} required>
            <Input type="password" autoComplete="current-password" {...register("password")} />
          </FormField>
          {needsCode ? (
            <FormField label="Authentication code" htmlFor="code" error={formState.errors.code?.message} description="From your authenticator app, or one of your recovery codes." required>
              <Input autoComplete="one-time-code" autoFocus {...register("code")} />
            </FormField>
          ) : null}
          <Button type="submit" className="w-full" disabled={!hydrated || formState.isSubmitting}>
            {!hydrated ? "Loading…" : formState.isSubmitting ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
