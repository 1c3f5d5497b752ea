"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  deactivateCampaignAction, nudgeCampaignAction, refreshCampaignAction, resubmitCampaignAction, setAutoRenewalAction,
} from "@/lib/campaigns/actions";
import { mnoName } from "@/lib/campaigns/carriers";
import { NUDGE_INTENT_LABELS, formatMoney } from "@/lib/campaigns/labels";

const RESULT: Record<string, string> = {
  created: "The registry's copy was added.",
  updated: "Updated with the registry's latest answer.",
  unchanged: "Already up to date with the registry.",
  stale: "A newer answer had already arrived; nothing changed.",
  deleted: "The registry no longer has this campaign; it is now marked removed.",
};

export function RefreshCampaignButton({ campaignId }: { campaignId: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button
      variant="outline"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={() =>
        start(async () => {
          const r = await refreshCampaignAction({ campaignId });
          if (r.ok) {
            toast.success(RESULT[r.data.outcome] ?? "Refreshed from the registry.");
            router.refresh();
          } else toast.error(r.error);
        })
      }
    >
      <RefreshCw aria-hidden="true" className={pending ? "animate-spin" : undefined} />
      {pending ? "Refreshing…" : "Refresh from registry"}
    </Button>
  );
}

/** Irreversible: the campaign id must be typed, and what happens is said first. */
export function DeactivateDialog({ campaignId, monthlyFee }: { campaignId: string; monthlyFee: number | null }) {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setConfirm(""); setError(null); }}>
      <DialogTrigger asChild>
        <Button variant="destructive">Deactivate…</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Deactivate campaign {campaignId}?</DialogTitle>
          <DialogDescription>
            The registry sets the campaign to EXPIRED and removes it from number provisioning (nnSR): its phone numbers stop
            sending A2P traffic. This cannot be undone; to send again you register a new campaign and pay its fee again.
            {monthlyFee != null ? ` Billing of ${formatMoney(monthlyFee)} a month stops at the end of the current period.` : ""}
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const r = await deactivateCampaignAction({ campaignId, confirm });
              if (r.ok) {
                toast.success(`Campaign ${campaignId} deactivated.`);
                setOpen(false);
                router.refresh();
              } else setError(r.fieldErrors?.confirm ?? r.error);
            });
          }}
        >
          <FormField label={`Type ${campaignId} to confirm`} htmlFor={`${id}-confirm`} error={error ?? undefined} required>
            <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" className="font-mono" />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="destructive" disabled={pending || confirm.trim().toUpperCase() !== campaignId.toUpperCase()}>
              {pending ? "Deactivating…" : "Deactivate campaign"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const newKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, "");

/**
 * Resubmission to chosen carriers: billable and able to downgrade terms, so both are said before sending.
 * One request key per opening of the dialog: a retry or double click reuses the same billable intent.
 */
export function ResubmitDialog({ campaignId, carriers, preselect }: { campaignId: string; carriers: { mnoId: string; status: string | null }[]; preselect: string[] }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(preselect);
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); if (o) { setKey(newKey()); setChosen(preselect); } }}>
      <DialogTrigger asChild>
        <Button variant="outline">Resubmit to carriers…</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Resubmit {campaignId} to carriers</DialogTitle>
          <DialogDescription>
            Asks the chosen carriers to evaluate the campaign again (backfills missing carrier records and picks up new carrier terms).
          </DialogDescription>
        </DialogHeader>
        <Alert tone="warning">
          <AlertDescription>
            Cost: resubmission is a billable registry call. Each carrier re-evaluation can be charged as a vetting event by the
            connectivity partner (Bandwidth, for example, charges $15 per event); the registry does not publish the amount in its API.
            It can also lower the campaign&apos;s terms (message class, throughput). Fix every reason for a rejection before resubmitting.
          </AlertDescription>
        </Alert>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Carriers</legend>
          {carriers.map((c) => (
            <FormField key={c.mnoId} label={`${mnoName(c.mnoId)}${c.status ? ` (now ${c.status})` : " (no record yet)"}`} htmlFor={`${id}-${c.mnoId}`} layout="inline">
              <Checkbox
                checked={chosen.includes(c.mnoId)}
                onCheckedChange={(v) => setChosen((all) => (v ? [...all, c.mnoId] : all.filter((x) => x !== c.mnoId)))}
              />
            </FormField>
          ))}
        </fieldset>
        {error ? <p className="text-sm font-medium text-destructive">{error}</p> : null}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            disabled={pending || chosen.length === 0}
            onClick={() =>
              start(async () => {
                const r = await resubmitCampaignAction({ campaignId, mnoIds: chosen.map(Number), requestKey: key });
                if (r.ok) {
                  toast.success(`Resubmitted to ${r.data.accepted.map((m) => mnoName(m, true)).join(", ") || "no carrier"}.`);
                  setOpen(false);
                  router.refresh();
                } else setError(r.fieldErrors?.mnoIds ?? r.error);
              })
            }
          >
            {pending ? "Resubmitting…" : `Resubmit to ${chosen.length} carrier${chosen.length === 1 ? "" : "s"}`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Nudge (no fee): REVIEW wakes an idle partner, APPEAL_REJECTION asks it to look again after a fix. */
export function NudgeDialog({ campaignId, suggested }: { campaignId: string; suggested: "REVIEW" | "APPEAL_REJECTION" }) {
  const [open, setOpen] = useState(false);
  const [intent, setIntent] = useState<"REVIEW" | "APPEAL_REJECTION">(suggested);
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); if (o) setIntent(suggested); }}>
      <DialogTrigger asChild>
        <Button variant="outline">{suggested === "APPEAL_REJECTION" ? "Appeal rejection…" : "Nudge partner…"}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Nudge the connectivity partner</DialogTitle>
          <DialogDescription>The registry notifies the partner in the campaign&apos;s sharing chain. There is no fee for a nudge.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          <FormField label="Why" htmlFor={`${id}-intent`}>
            <NativeSelect value={intent} onChange={(e) => setIntent(e.target.value as typeof intent)}>
              {Object.entries(NUDGE_INTENT_LABELS).map(([v, l]) => <option key={v} value={v}>{l} ({v})</option>)}
            </NativeSelect>
          </FormField>
          <FormField label="Message to the partner" htmlFor={`${id}-desc`} description={`${description.length}/1024 characters. Say what you changed.`}>
            <Textarea value={description} maxLength={1024} onChange={(e) => setDescription(e.target.value)} />
          </FormField>
          {error ? <p className="text-sm font-medium text-destructive">{error}</p> : null}
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await nudgeCampaignAction({ campaignId, nudgeIntent: intent, description: description.trim() || undefined });
                if (r.ok) {
                  toast.success(r.data.message);
                  setOpen(false);
                  router.refresh();
                } else setError(r.error);
              })
            }
          >
            {pending ? "Sending…" : "Send nudge"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function AutoRenewalToggle({ campaignId, autoRenewal, monthlyFee, nextDate }: { campaignId: string; autoRenewal: boolean; monthlyFee: number | null; nextDate: string | null }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const consequence = autoRenewal
    ? `Turning it off lets the campaign expire on ${nextDate ?? "its next renewal date"} instead of renewing.`
    : `Turning it on renews the campaign on ${nextDate ?? "its next renewal date"}${monthlyFee != null ? ` and keeps billing ${formatMoney(monthlyFee)} a month` : ""}.`;
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        Auto-renewal is <strong>{autoRenewal ? "on" : "off"}</strong>. {consequence}
      </p>
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await setAutoRenewalAction({ campaignId, autoRenewal: !autoRenewal });
              if (r.ok) {
                toast.success(`Auto-renewal turned ${r.data.autoRenewal ? "on" : "off"}.`);
                router.refresh();
              } else toast.error(r.error);
            })
          }
        >
          {pending ? "Saving…" : autoRenewal ? "Turn auto-renewal off" : "Turn auto-renewal on"}
        </Button>
      </div>
    </div>
  );
}
