"use client";
import { FlaskConical } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { PROVIDERS, type ProviderKind } from "@/lib/providers/kinds";
import { connectSandboxAction } from "@/lib/registry/actions";

/** One click to point this organization at the built-in sandbox in any upstream's shape (demos, trying Vonage). */
export function SandboxConnect({ kinds, origin, initial }: { kinds: ProviderKind[]; origin: string; initial: ProviderKind }) {
  const [kind, setKind] = useState<ProviderKind>(kinds.includes(initial) ? initial : kinds[0]!);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const connect = () =>
    start(async () => {
      setError(null);
      const r = await connectSandboxAction({ kind });
      if (!r.ok) return setError(r.fieldErrors?.kind ?? r.error);
      toast.success(`Connected to the built-in sandbox as ${PROVIDERS[kind].label}.`);
    });
  return (
    <Card>
      <CardContent className="space-y-3 pt-6">
        <div>
          <h3 className="text-sm font-semibold">Built-in sandbox</h3>
          <p className="text-sm text-muted-foreground">
            This portal runs the registry simulator at <code className="font-mono">{origin}</code>. Connect this organization to it in
            the shape of any upstream, with the sandbox&apos;s own keys; nothing is billed.
          </p>
        </div>
        {error ? <Alert tone="danger"><AlertDescription>{error}</AlertDescription></Alert> : null}
        <div className="flex flex-wrap items-end gap-3">
          <FormField label="Sandbox upstream" htmlFor="sandbox-kind">
            <NativeSelect id="sandbox-kind" value={kind} onChange={(e) => setKind(e.target.value as ProviderKind)}>
              {kinds.map((k) => <option key={k} value={k}>{PROVIDERS[k].label}</option>)}
            </NativeSelect>
          </FormField>
          <Button type="button" variant="secondary" onClick={connect} disabled={pending}>
            <FlaskConical aria-hidden="true" /> {pending ? "Connecting…" : "Connect to the sandbox"}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
