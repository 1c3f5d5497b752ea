import { ShieldAlert } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown in place of a page the member's role may not open. */
export function Forbidden({ what }: { what: string }) {
  return (
    <EmptyState
      icon={<ShieldAlert aria-hidden="true" />}
      title="You do not have access to this page"
      description={`${what} is available to admins and owners of this organization. Ask one of them if you need access.`}
    />
  );
}
