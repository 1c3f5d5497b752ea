"use client";
import { feeText, type FeeLine } from "@/lib/billing/fees";
import { revetBrandAction } from "@/lib/brands/lifecycle-actions";
import { ConfirmButton } from "./confirm-button";

export function RevetButton({ brandId, lastRevet, recent, spacingDays, fee, billedBy }: {
  brandId: string; lastRevet: string | null; recent: boolean; spacingDays: number; fee: FeeLine | null; billedBy: string;
}) {
  return (
    <ConfirmButton
      label={`Revet (${feeText(fee, billedBy)})`}
      title="Revet this brand?"
      confirmLabel={fee ? `Revet for ${feeText(fee, billedBy)}` : "Revet"}
      description={
        <>
          <p>
            The registry checks the brand&apos;s identity again with the details it holds now. Use it after correcting the
            details (e.g. the EIN or legal name). To obtain something the check never found (tax-exempt status,
            government entity), file an appeal with documents instead.
          </p>
          <p>
            {fee ? <><strong>Cost: {feeText(fee, billedBy)} {fee.recurrence}</strong> ({fee.source}).</> : <><strong>Cost: billed by {billedBy}</strong>, at its own rate: its API states no price.</>}
          </p>
          <p>
            Limit: after the first, one revet every 3 months (vendor rule; the registry may refuse an earlier one).
            {lastRevet ? ` Last revet from this portal: ${new Date(lastRevet).toLocaleString()}.` : ""}
          </p>
          {recent ? <p className="font-medium text-warning-foreground">The last revet was less than {spacingDays} days ago.</p> : null}
        </>
      }
      run={(idempotencyKey) => revetBrandAction({ brandId, idempotencyKey })}
      success="Revet requested. The identity status changes when the registry finishes scoring."
    />
  );
}
