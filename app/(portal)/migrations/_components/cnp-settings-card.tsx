"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { updateCnpSettingsAction } from "@/lib/migrations/actions";
import type { CnpSettingsInput } from "@/lib/migrations/schemas";

/**
 * The account's CNP migration settings at the registry (GET/PUT /settings/cnpMigration). ADMIN edits; others
 * read. "Enabled" must be on to initiate, accept or decline migrations; "Auto-Complete" accepts migration shares
 * automatically where we are in the same role in the pre-migration chain (cnp-migration.md §3.6, §3.7).
 */
export function CnpSettingsCard({ settings, canEdit }: { settings: CnpSettingsInput | null; canEdit: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState<CnpSettingsInput | null>(settings);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!value) return <p className="text-sm text-muted-foreground">CNP migration settings could not be read from the registry.</p>;
  const dirty = !settings || value.migrationSupported !== settings.migrationSupported || value.migrationAutoComplete !== settings.migrationAutoComplete;
  const save = () => start(async () => {
    const r = await updateCnpSettingsAction(value);
    setMessage(r.ok ? "Saved at the registry." : r.error);
    if (r.ok) router.refresh();
  });
  const box = (key: keyof CnpSettingsInput, label: string, hint: string) => (
    <label className="flex items-center gap-2 text-sm" title={hint}>
      <input type="checkbox" className="size-4 accent-primary" checked={value[key]} disabled={!canEdit || pending} onChange={(e) => { setValue({ ...value, [key]: e.target.checked }); setMessage(null); }} />
      <span className="font-medium">{label}</span> <code className="text-xs text-muted-foreground">{key}</code>
    </label>
  );
  return (
    <section aria-labelledby="cnp-settings" className="space-y-1 rounded-md border px-3 py-2">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <h2 id="cnp-settings" className="text-sm font-semibold">Registry account settings</h2>
        {box("migrationSupported", "CNP migration enabled", "Needed to start, accept or decline migrations. Off = partners cannot migrate campaigns to you.")}
        {box("migrationAutoComplete", "Auto-Complete", "Accept migration shares automatically when you already held the same role in the old chain.")}
        {canEdit ? <Button size="sm" variant="outline" disabled={pending || !dirty} onClick={save}>Save settings</Button> : <span className="text-xs text-muted-foreground">Only admins can change these.</span>}
        {message ? <span role="status" className="text-xs">{message}</span> : null}
      </div>
      <p className="text-xs text-muted-foreground">
        “Enabled” must be on to start, accept or decline migrations. “Auto-Complete” accepts a migration share automatically when you held the same role in the old chain.
      </p>
    </section>
  );
}
