"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { resetMemberPasswordAction } from "@/lib/members/actions";

/**
 * Asks, then resets a member's password. The temporary password is shown here once and lives only in this dialog's
 * state: closing the dialog forgets it (the server keeps only its hash).
 */
export function ResetPasswordDialog({ membershipId, email, disabled }: { membershipId: string; email: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = () =>
    startTransition(async () => {
      const r = await resetMemberPasswordAction({ membershipId });
      if (!r.ok) return void toast.error(r.error);
      setTemporary(r.data.temporaryPassword);
    });

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) setTemporary(null); }}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={disabled} aria-label={`Reset password of ${email}`}>Reset password</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{temporary ? `Temporary password for ${email}` : `Reset the password of ${email}?`}</DialogTitle>
          <DialogDescription>
            {temporary
              ? "Share it with them securely. It is shown only this once; they must choose their own password when they sign in with it."
              : "They are signed out everywhere at once and must sign in with a temporary password, then choose a new one."}
          </DialogDescription>
        </DialogHeader>
        {temporary ? (
          <FormField label="Temporary password" htmlFor="temporary-password">
            <Input readOnly value={temporary} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          </FormField>
        ) : null}
        <DialogFooter>
          {temporary ? (
            <DialogClose asChild><Button>Done</Button></DialogClose>
          ) : (
            <>
              <DialogClose asChild><Button variant="outline">Cancel</Button></DialogClose>
              <Button onClick={reset} disabled={pending}>Reset password</Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
