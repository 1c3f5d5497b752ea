"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/account/actions";
import { changePasswordSchema } from "@/lib/account/schemas";

type Values = z.input<typeof changePasswordSchema>;

/** afterChange: where to go once the password is changed (the forced change after a reset goes on to the portal). */
export function ChangePasswordForm({ afterChange }: { afterChange?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset, setError } = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await changePasswordAction(values);
    const message = applyActionResult(result, setError);
    if (message) return setFormError(message);
    if (!result.ok) return;
    const n = result.data.otherSessionsRevoked;
    toast.success(n ? `Password changed. ${n} other session${n === 1 ? " was" : "s were"} signed out.` : "Password changed.");
    reset();
    if (afterChange) router.replace(afterChange);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change password">
      {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
      <FormField label="Current password" htmlFor="current-password" error={formState.errors.currentPassword?.message} required>
        <Input type="password" autoComplete="current-password" {...register("currentPassword")} />
      </FormField>
      <FormField label="New password" htmlFor="new-password" error={formState.errors.newPassword?.message} description="At least 12 characters." required>
        <Input type="password" autoComplete="new-password" {...register("newPassword")} />
      </FormField>
      <FormField label="Repeat new password" htmlFor="confirm-password" error={formState.errors.confirmPassword?.message} required>
        <Input type="password" autoComplete="new-password" {...register("confirmPassword")} />
      </FormField>
      <Button type="submit" disabled={formState.isSubmitting}>Change password</Button>
    </form>
  );
}
