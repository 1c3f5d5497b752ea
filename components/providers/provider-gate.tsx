import { PageHeader } from "@/components/layout/page-header";
import { db } from "@/lib/db";
import type { Capability } from "@/lib/providers/capabilities";
import { capabilitiesFor } from "@/lib/registry/client";
import { NotOffered } from "./not-offered";

/**
 * For a page whose whole subject the organization's upstream does not offer (campaigns on Telnyx, migrations on a
 * CPaaS): the page's title and the reason, in place of the page. Null when the page can render.
 */
export async function providerGate(orgId: string, capability: Capability, title: string, what: string, header = true) {
  const caps = await capabilitiesFor(db(), orgId);
  if (caps.has(capability)) return null;
  return (
    <div className="space-y-6">
      {header ? <PageHeader title={title} /> : null}
      <NotOffered caps={caps} capability={capability} what={what} />
    </div>
  );
}
