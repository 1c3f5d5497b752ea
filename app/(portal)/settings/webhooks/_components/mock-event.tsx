"use client";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { sendMockAction } from "@/lib/webhooks/actions";

type Result = { tone: "success" | "warning" | "danger"; title: string; text: string } | null;

export function MockEvent({ eventTypes }: { eventTypes: { eventType: string; category: string | null }[] }) {
  const [eventType, setEventType] = useState(eventTypes.find((e) => e.eventType === "BRAND_ADD")?.eventType ?? eventTypes[0]?.eventType ?? "");
  const [result, setResult] = useState<Result>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FormField label="Event type" htmlFor="mock-event-type" className="w-80">
        <NativeSelect value={eventType} onChange={(e) => setEventType(e.target.value)}>
          {eventTypes.map((e) => (
            <option key={e.eventType} value={e.eventType}>{e.eventType}</option>
          ))}
        </NativeSelect>
      </FormField>
      <Button
        variant="secondary"
        disabled={pending || !eventType}
        onClick={() =>
          start(async () => {
            setResult(null);
            const r = await sendMockAction({ eventType });
            if (!r.ok) return setResult({ tone: "danger", title: "The registry did not send it", text: r.error });
            setResult(
              r.data.arrived
                ? { tone: "success", title: "Arrived", text: `The ${eventType} test event reached this portal and passed the signature check.` }
                : { tone: "warning", title: "Sent, but not received", text: `The registry reported status ${r.data.registryStatus ?? "unknown"} posting to ${r.data.registryEndpoint ?? "its subscribed address"}. Check that the ${eventType.split("_")[0]} category is subscribed to this portal and that the webhook signing secret in Settings → Registry is right.` },
            );
          })
        }
      >
        {pending ? "Waiting for the event…" : "Send test event"}
      </Button>
      <div className="basis-full" aria-live="polite">
        {result ? (
          <Alert tone={result.tone}>
            <AlertTitle>{result.title}</AlertTitle>
            <AlertDescription>{result.text}</AlertDescription>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
