"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { createOrgSchema } from "@/lib/organizations/schemas";

type Values = z.input<typeof createOrgSchema>;

export function NewOrganizationForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(createOrgSchema), defaultValues: { name: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const message = applyActionResult(await createOrganizationAction(values), setError);
    if (message) return setFormError(message);
    router.push("/settings/registry");
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New organization">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <FormField label="Organization name" htmlFor="org-name" error={formState.errors.name?.message} required>
        <Input autoComplete="organization" {...register("name")} />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>Create organization</Button>
    </form>
  );
}
