"use client";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { previewMessageFlowAction } from "@/lib/campaigns/actions";
import type { BuilderValues } from "./builder-values";

type Result = { ok: true; text: string; for: string } | { ok: false; error: string; fields: [string, string][]; for: string };

/**
 * What Vonage will register as message_flow for this consent (POST /campaigns/message_flow): Vonage fills its own
 * template from message_flow_details, so its text differs from the portal's preview above. On a button (each ask is a
 * call on the account's rate limit); an answer for an older version of the consent is marked out of date.
 */
export function VonageMessageFlowPreview({ consent }: { consent: BuilderValues["consent"] | undefined }) {
  const id = useId();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const current = JSON.stringify(consent ?? {});
  const ask = () =>
    start(async () => {
      const asked = current;
      const r = await previewMessageFlowAction({ consent: (consent ?? {}) as never });
      if (r.ok) setResult({ ok: true, text: r.data.messageFlow, for: asked });
      else setResult({ ok: false, error: r.error, fields: Object.entries(r.fieldErrors ?? {}), for: asked });
    });
  const stale = result !== null && result.for !== current;
  return (
    <section aria-labelledby={`${id}-heading`} className="grid gap-2 rounded-md border border-dashed p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-heading`} className="text-sm font-medium">
          Message flow as Vonage will submit it <code className="font-mono font-normal">message_flow</code>
        </h3>
        <Button type="button" variant="outline" size="sm" onClick={ask} disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Asking Vonage…" : result ? "Preview again" : "Preview message flow"}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Vonage writes this text itself from the structured consent (message_flow_details); nothing is created or charged.</p>
      <div aria-live="polite">
        {result === null ? null : result.ok ? (
          <output className="block rounded-md bg-muted/40 p-3 text-sm whitespace-pre-wrap" data-testid="vonage-message-flow">{result.text}</output>
        ) : (
          <div role="alert" className="text-sm text-destructive">
            <p>Vonage could not preview this consent: {result.error}</p>
            {result.fields.length ? (
              <ul className="list-disc pl-5">
                {result.fields.map(([f, m]) => <li key={f}><code className="font-mono">{f}</code>: {m}</li>)}
              </ul>
            ) : null}
          </div>
        )}
        {stale ? <p className="text-xs text-muted-foreground">The consent changed since this preview: preview again to see Vonage&apos;s text for it.</p> : null}
      </div>
    </section>
  );
}
