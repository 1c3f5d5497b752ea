"use client";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { NO_RESELLER_ID, resellerChoiceConsequence, resellerChoices, type ResellerRow } from "@/lib/resellers/schemas";

export type BuilderResellers = { ok: true; resellers: ResellerRow[]; canManage: boolean } | { ok: false; error: string; canManage: boolean };

/**
 * The campaign's resellerId: R000000 (no reseller) or one of the organization's resellers. The registry lets
 * it change only once after registration, and only to R000000, so the consequence of the current choice is
 * shown next to it.
 */
export function ResellerPicker({ id, resellers, value, onChange, error }: {
  id: string;
  resellers: BuilderResellers;
  value: string;
  onChange: (resellerId: string) => void;
  error?: React.ReactNode;
}) {
  const choices = resellerChoices(resellers.ok ? resellers.resellers : []);
  // A draft may name a reseller that has since been deleted (or the list could not be read): keep it visible.
  if (!choices.some((c) => c.value === value)) choices.push({ value, label: `${value} (not among this account's resellers)` });
  const manage = resellers.canManage ? (
    <Link href="/settings/resellers" className="text-primary underline underline-offset-4">Settings → Resellers</Link>
  ) : (
    "Settings → Resellers (admins)"
  );
  return (
    <fieldset className="grid gap-3 rounded-md border p-4">
      <legend className="px-1 text-base font-semibold">Reseller</legend>
      <p className="text-sm text-muted-foreground">
        Does a reseller (another messaging platform, between the brand and you) sit in this campaign&apos;s chain? Resellers are added in {manage}.
      </p>
      {!resellers.ok ? (
        <Alert tone="warning"><AlertDescription>The registry&apos;s resellers could not be read: {resellers.error} Only &ldquo;No reseller&rdquo; is offered.</AlertDescription></Alert>
      ) : resellers.resellers.length === 0 ? (
        <p className="text-sm text-muted-foreground">This account has no resellers yet.</p>
      ) : null}
      <FormField label="Reseller (resellerId)" htmlFor={id} error={error} className="max-w-md">
        <NativeSelect value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </NativeSelect>
      </FormField>
      <Alert tone="warning" data-testid="reseller-consequence">
        <AlertDescription>
          <strong>This choice cannot be changed later.</strong> {resellerChoiceConsequence(value || NO_RESELLER_ID)}
        </AlertDescription>
      </Alert>
    </fieldset>
  );
}
