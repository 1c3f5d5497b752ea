"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setRequireTwoFactorAction } from "@/lib/organizations/actions";

type Props = {
  required: boolean;
  /** An owner may change the rule; everyone else sees it read-only. */
  canManage: boolean;
  /** The owner's own second factor: without it, requiring one would hold the owner at enrolment too. */
  ownTwoFactor: boolean;
  /** Members (the caller included) who have not set up two-factor sign-in. */
  membersWithout: number;
};

/** The organization's "every member signs in with two-factor" rule: on/off for owners, the state for the others. */
export function RequireTwoFactor({ required, canManage, ownTwoFactor, membersWithout }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (requireTwoFactor: boolean) =>
    startTransition(async () => {
      setError(null);
      const r = await setRequireTwoFactorAction({ requireTwoFactor });
      if (!r.ok) return setError(r.fieldErrors?.requireTwoFactor ?? r.error);
      toast.success(requireTwoFactor ? "Two-factor sign-in is now required." : "Two-factor sign-in is no longer required.");
      router.refresh();
    });
  const without = `${membersWithout} member${membersWithout === 1 ? " has" : "s have"} not set it up yet.`;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        When required, a member who has not turned on two-factor sign-in is sent to their Account page to set it up (with
        an authenticator app) and can do nothing else in this organization until they have.
      </p>
      <p className="text-sm font-medium" role="status">
        {required ? "Required for every member." : "Not required."} <span className="font-normal text-muted-foreground">{without}</span>
      </p>
      {error ? <Alert tone="danger"><AlertDescription>{error}</AlertDescription></Alert> : null}
      {!canManage ? (
        <p className="text-sm text-muted-foreground">Only an owner of this organization can change this.</p>
      ) : required ? (
        <Button variant="outline" onClick={() => set(false)} disabled={pending}>Stop requiring two-factor sign-in</Button>
      ) : (
        <>
          {!ownTwoFactor ? (
            <p className="text-sm text-muted-foreground">
              Turn on two-factor sign-in for your own account first (<Link href="/account" className="underline">Account</Link>),
              so that requiring it cannot lock you out.
            </p>
          ) : null}
          <Button onClick={() => set(true)} disabled={pending || !ownTwoFactor}>Require two-factor sign-in</Button>
        </>
      )}
    </div>
  );
}
