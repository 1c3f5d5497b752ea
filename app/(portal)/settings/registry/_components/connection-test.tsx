"use client";
import { PlugZap } from "lucide-react";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { testConnectionAction } from "@/lib/registry/actions";

type Last = { at: string | null; ok: boolean | null; message: string | null };

export function ConnectionTest({ last }: { last: Last }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Last>(last);

  const run = () =>
    start(async () => {
      const r = await testConnectionAction({});
      if (!r.ok) return setResult({ at: new Date().toISOString(), ok: false, message: r.error });
      const d = r.data;
      setResult(d.ok
        ? { at: d.testedAt, ok: true, message: d.summary }
        : { at: d.testedAt, ok: false, message: d.message });
    });

  return (
    <div className="space-y-3">
      <Button type="button" variant="secondary" onClick={run} disabled={pending}>
        <PlugZap aria-hidden="true" /> {pending ? "Testing…" : "Test connection"}
      </Button>
      <div aria-live="polite">
        {result.ok === null ? null : (
          <Alert tone={result.ok ? "success" : "danger"}>
            <AlertTitle>{result.ok ? "Connected" : "Connection failed"}</AlertTitle>
            <AlertDescription>
              {result.message} <span className="text-xs">Tested {formatDateTime(result.at)}.</span>
            </AlertDescription>
          </Alert>
        )}
      </div>
    </div>
  );
}
