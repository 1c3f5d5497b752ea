import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { Capabilities, Capability } from "@/lib/providers/capabilities";

/**
 * What a page or section shows instead of controls its upstream does not have: the upstream's name and the one
 * sentence why, so nothing offers a button that would fail. Renders nothing when the capability is offered.
 */
export function NotOffered({ caps, capability, what }: { caps: Capabilities; capability: Capability; what: string }) {
  const why = caps.why(capability);
  if (!why) return null;
  return (
    <Alert tone="info" role="note">
      <AlertTitle>{what} {what.endsWith("s") ? "are" : "is"} not available through {caps.label}</AlertTitle>
      <AlertDescription>{why}</AlertDescription>
    </Alert>
  );
}
