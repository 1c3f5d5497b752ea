"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { removeExcludedMnoAction, shareCampaignAction } from "@/lib/campaigns/actions";
import { mnoName } from "@/lib/campaigns/carriers";

/** Shares the campaign upstream. The registry does not let a share be withdrawn or changed until the partner declines. */
export function ShareDialog({ campaignId, partners }: { campaignId: string; partners: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [cnp, setCnp] = useState(partners[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); }}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">Share with a partner…</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Share {campaignId} with a connectivity partner</DialogTitle>
          <DialogDescription>
            The partner gets a read-only view to onboard the campaign with the carriers (sharing with a DCA elects it). Once shared, the
            share cannot be withdrawn or changed unless the partner declines it. No registry fee.
          </DialogDescription>
        </DialogHeader>
        <FormField label="Connectivity partner" htmlFor={`${id}-cnp`} error={error ?? undefined}>
          <NativeSelect value={cnp} onChange={(e) => setCnp(e.target.value)}>
            {partners.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.id})</option>)}
          </NativeSelect>
        </FormField>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            disabled={pending || !cnp}
            onClick={() =>
              start(async () => {
                const r = await shareCampaignAction({ campaignId, upstreamCnpId: cnp });
                if (r.ok) {
                  toast.success(`Shared with ${cnp}${r.data.sharingStatus ? ` (${r.data.sharingStatus})` : ""}.`);
                  setOpen(false);
                  router.refresh();
                } else setError(r.fieldErrors?.upstreamCnpId ?? r.error);
              })
            }
          >
            {pending ? "Sharing…" : "Share"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Asks the DCA to include a carrier it excluded; the registry wants the reason in words. */
export function RemoveExcludedDialog({ campaignId, mnoId }: { campaignId: string; mnoId: string }) {
  const [open, setOpen] = useState(false);
  const [explanation, setExplanation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); }}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-0">Include {mnoName(mnoId, true)}…</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Include {mnoName(mnoId)} again</DialogTitle>
          <DialogDescription>The DCA excluded this carrier when it accepted the campaign. Explain why it should be included; the DCA sees your explanation.</DialogDescription>
        </DialogHeader>
        <FormField label="Explanation" htmlFor={`${id}-explanation`} error={error ?? undefined} required description={`${explanation.length}/1024 characters`}>
          <Textarea value={explanation} maxLength={1024} onChange={(e) => setExplanation(e.target.value)} />
        </FormField>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            disabled={pending || !explanation.trim()}
            onClick={() =>
              start(async () => {
                const r = await removeExcludedMnoAction({ campaignId, mnoId: Number(mnoId), explanation });
                if (r.ok) {
                  toast.success(`${mnoName(mnoId)} is no longer excluded.`);
                  setOpen(false);
                  router.refresh();
                } else setError(r.fieldErrors?.explanation ?? r.error);
              })
            }
          >
            {pending ? "Sending…" : "Remove the exclusion"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
