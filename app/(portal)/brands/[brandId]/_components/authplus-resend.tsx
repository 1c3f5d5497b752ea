"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { TWO_FA_CLASSES } from "@/lib/brands/authplus-schemas";
import { resend2faEmailAction } from "@/lib/brands/lifecycle-actions";

export function AuthPlusResend({ brandId }: { brandId: string }) {
  const [vettingClass, setVettingClass] = useState<(typeof TWO_FA_CLASSES)[number]>("AUTHPLUS");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const resend = () =>
    start(async () => {
      setError(null);
      const r = await resend2faEmailAction({ brandId, vettingClass });
      if (r.ok) toast.success("The registry sent the 2FA email again.");
      else setError(r.error);
    });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FormField label="Verification" htmlFor="twofa-class" className="w-48">
        <NativeSelect value={vettingClass} onChange={(e) => setVettingClass(e.target.value as typeof vettingClass)}>
          <option value="AUTHPLUS">Authentication+ (AUTHPLUS)</option>
          <option value="RCS">RCS</option>
        </NativeSelect>
      </FormField>
      <Button variant="outline" onClick={resend} disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Sending…" : "Resend 2FA email"}
      </Button>
      {error ? <p className="w-full text-sm text-danger-foreground">{error}</p> : null}
    </div>
  );
}
