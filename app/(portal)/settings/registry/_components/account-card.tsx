"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PROFILE_EMAILS, profileEmailsSchema } from "@/lib/registry/schemas";
import { updateProfileAction } from "@/lib/registry/actions";

type Values = z.input<typeof profileEmailsSchema>;
type Profile = { cspId: string | null; flags: [string, boolean | null][]; emails: Record<(typeof PROFILE_EMAILS)[number][0], string> };

export function AccountCard({ profile, canEdit }: { profile: Profile; canEdit: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(profileEmailsSchema), defaultValues: profile.emails });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const message = applyActionResult(await updateProfileAction(values), setError);
    if (message) return setFormError(message);
    toast.success("The registry saved the new contact emails.");
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Account at the registry</CardTitle>
        <CardDescription>What the registry holds for CSP {profile.cspId ?? "—"}. Only the contact emails can be changed here.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="flex flex-wrap gap-2" aria-label="Account features">
          {profile.flags.map(([label, on]) => (
            <li key={label}><Badge tone={on ? "success" : "neutral"}>{label}: {on === null ? "unknown" : on ? "yes" : "no"}</Badge></li>
          ))}
        </ul>
        <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Registry contact emails">
          {formError ? <Alert tone="danger" className="sm:col-span-2"><AlertDescription>{formError}</AlertDescription></Alert> : null}
          {PROFILE_EMAILS.map(([name, label]) => (
            <FormField key={name} label={label} htmlFor={`profile-${name}`} error={formState.errors[name]?.message} required>
              <Input type="email" disabled={!canEdit} {...register(name)} />
            </FormField>
          ))}
          {canEdit ? <div className="sm:col-span-2"><Button type="submit" variant="secondary" disabled={formState.isSubmitting}>Save contact emails</Button></div> : null}
        </form>
      </CardContent>
    </Card>
  );
}
