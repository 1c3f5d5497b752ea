"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyActionResult } from "@/components/form/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { addMemberAction } from "@/lib/members/actions";
import { addMemberSchema } from "@/lib/members/schemas";

type Values = z.input<typeof addMemberSchema>;

export function AddMemberDialog({ canGrantOwner }: { canGrantOwner: boolean }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", name: "", role: "OPERATOR", password: "" },
  });
  const { register, handleSubmit, formState, reset, setError, control } = form;
  const role = useWatch({ control, name: "role" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await addMemberAction(values);
    const message = applyActionResult(result, setError);
    if (message) return setFormError(message);
    toast.success(`${values.email} can now sign in to this organization.`);
    reset();
    setOpen(false);
  });

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) setFormError(null); }}>
      <DialogTrigger asChild>
        <Button><UserPlus aria-hidden="true" /> Add member</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a member</DialogTitle>
          <DialogDescription>
            Someone who already has a CampaignDesk account keeps their password; for a new person, set an initial password and share it with them securely.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add member">
          {formError ? <Alert tone="danger"><AlertDescription>{formError}</AlertDescription></Alert> : null}
          <FormField label="Email" htmlFor="member-email" error={formState.errors.email?.message} required>
            <Input type="email" autoComplete="off" {...register("email")} />
          </FormField>
          <FormField label="Name" htmlFor="member-name" error={formState.errors.name?.message} required>
            <Input autoComplete="off" {...register("name")} />
          </FormField>
          <FormField label="Role" htmlFor="member-role" error={formState.errors.role?.message} description={ROLE_DESCRIPTIONS[role]} required>
            <NativeSelect {...register("role")}>
              {ROLES.filter((r) => canGrantOwner || r !== "OWNER").map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField
            label="Initial password"
            htmlFor="member-password"
            error={formState.errors.password?.message}
            description="Only for a new account: at least 12 characters. Leave empty for an existing user."
          >
            <Input type="password" autoComplete="new-password" {...register("password")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Adding…" : "Add member"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
