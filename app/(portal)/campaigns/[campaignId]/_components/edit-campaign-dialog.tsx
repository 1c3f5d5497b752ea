"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { updateCampaignAction } from "@/lib/campaigns/actions";
import { UPDATABLE_FLAGS, UPDATABLE_TEXT_FIELDS, updateCampaignSchema } from "@/lib/campaigns/schemas";

type TextKey = (typeof UPDATABLE_TEXT_FIELDS)[number];
type FlagKey = (typeof UPDATABLE_FLAGS)[number];

const LABELS: Record<TextKey | FlagKey, string> = {
  description: "Description", messageFlow: "Message flow (how subscribers opt in)", sample1: "Sample message 1", sample2: "Sample message 2",
  sample3: "Sample message 3", sample4: "Sample message 4", sample5: "Sample message 5", helpMessage: "HELP reply", optinKeywords: "Opt-in keywords",
  optoutKeywords: "Opt-out keywords", helpKeywords: "Help keywords", optinMessage: "Opt-in confirmation", optoutMessage: "Opt-out confirmation",
  privacyPolicyLink: "Privacy policy link", termsAndConditionsLink: "Terms and conditions link", embeddedLinkSample: "Embedded link sample",
  embeddedLink: "Messages contain links", embeddedPhone: "Messages contain phone numbers (other than HELP)", numberPool: "Number pool (more than 50 numbers)",
  ageGated: "Age-gated content", directLending: "Direct lending", autoRenewal: "Auto-renewal",
};
const SHORT = new Set<TextKey>(["optinKeywords", "optoutKeywords", "helpKeywords", "privacyPolicyLink", "termsAndConditionsLink", "embeddedLinkSample"]);

/**
 * Edits the properties the registry's update table allows (tcr-api-part2 §2.5). Brand, use case,
 * sub-use cases, opt-in/out/help flags, carriers and reference id cannot change and are not offered.
 * Only changed fields are sent.
 */
export function EditCampaignDialog({ campaignId, data }: { campaignId: string; data: Record<string, unknown> }) {
  const initialText = Object.fromEntries(UPDATABLE_TEXT_FIELDS.map((k) => [k, typeof data[k] === "string" ? (data[k] as string) : ""])) as Record<TextKey, string>;
  const initialFlags = Object.fromEntries(UPDATABLE_FLAGS.map((k) => [k, data[k] === true])) as Record<FlagKey, boolean>;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initialText);
  const [flags, setFlags] = useState(initialFlags);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = useId();

  const changes: Record<string, unknown> = {};
  for (const k of UPDATABLE_TEXT_FIELDS) if (text[k] !== initialText[k]) changes[k] = text[k].trim();
  for (const k of UPDATABLE_FLAGS) if (flags[k] !== initialFlags[k]) changes[k] = flags[k];

  const submit = () => {
    const parsed = updateCampaignSchema.safeParse({ campaignId, ...changes });
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const i of parsed.error.issues) fe[String(i.path[0] ?? "_form")] ??= i.message;
      setErrors(fe);
      return;
    }
    setErrors({});
    start(async () => {
      const r = await updateCampaignAction(parsed.data);
      if (r.ok) {
        toast.success(`Saved ${r.data.fields.length} change${r.data.fields.length === 1 ? "" : "s"} at the registry.`);
        setOpen(false);
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setFormError(r.error);
      }
    });
  };

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) { setText(initialText); setFlags(initialFlags); setErrors({}); setFormError(null); } }}>
      <DialogTrigger asChild>
        <Button variant="outline">Edit…</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>Edit campaign {campaignId}</DialogTitle>
          <DialogDescription>
            Only what the registry lets you change after registration. Brand, use case, sub-use cases, the opt-in/opt-out/help
            flags, carriers and reference id are fixed. A reseller can only ever be changed to R000000 (no reseller). Edits are
            free, but carriers may review the campaign again.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <div className="grid gap-4 sm:grid-cols-2">
            {UPDATABLE_TEXT_FIELDS.map((k) => (
              <FormField
                key={k}
                label={LABELS[k]}
                htmlFor={`${id}-${k}`}
                error={errors[k]}
                description={<><code className="font-mono">{k}</code>{SHORT.has(k) ? null : ` · ${text[k].length} characters`}</>}
                className={SHORT.has(k) ? undefined : "sm:col-span-2"}
              >
                {SHORT.has(k) ? (
                  <Input value={text[k]} onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))} />
                ) : (
                  <Textarea value={text[k]} onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))} />
                )}
              </FormField>
            ))}
          </div>
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium">Content attributes</legend>
            {UPDATABLE_FLAGS.map((k) => (
              <FormField key={k} label={LABELS[k]} htmlFor={`${id}-${k}`} layout="inline" error={errors[k]}>
                <Checkbox checked={flags[k]} onCheckedChange={(v) => setFlags((f) => ({ ...f, [k]: v === true }))} />
              </FormField>
            ))}
          </fieldset>
          {formError ? <p className="text-sm font-medium text-destructive">{formError}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={pending || Object.keys(changes).length === 0}>
              {pending ? "Saving…" : Object.keys(changes).length ? `Save ${Object.keys(changes).length} change${Object.keys(changes).length === 1 ? "" : "s"}` : "No changes"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
