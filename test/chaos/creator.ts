// A child process of the chaos run (test/chaos/harness.ts): registers every brand draft of one organization and
// orders one external vet for the brands the harness marked, exactly as the portal's server actions do
// (submitBrandDraft, orderVetting with a fixed idempotency key). The harness kills it with SIGKILL at random points
// and starts it again; each start picks up whatever is not done yet, like a user pressing "Register" again.
//   CHAOS_ORG_ID, CHAOS_USER_ID, CHAOS_VET_BRANDS (comma-separated draft ids whose brand gets a vet) + the portal env.
import { submitBrandDraft } from "@/lib/brands/submit";
import { orderVetting } from "@/lib/brands/vetting";
import { db } from "@/lib/db";
import { registryClientFor } from "@/lib/registry/client";

const orgId = process.env.CHAOS_ORG_ID!;
const userId = process.env.CHAOS_USER_ID!;
const vetDrafts = new Set((process.env.CHAOS_VET_DRAFTS ?? "").split(",").filter(Boolean));
const d = db();
const org = await d.organization.findUniqueOrThrow({ where: { id: orgId } });
const user = await d.user.findUniqueOrThrow({ where: { id: userId } });
const ctx = { org: { id: org.id, name: org.name, key: org.key }, user: { id: user.id, email: user.email, name: user.name }, role: "OWNER" as const };
// A short timeout, so a hung registry call becomes an ambiguous outcome within the run, not after it; and a stale
// window scaled to it (the portal's default is 5 minutes for its 30 s timeout): a creator killed mid-send leaves its
// intent claimed, and the next start may only take it over, after asking the registry, once the claim is stale.
const clientFor = (x: typeof d, id: string) => registryClientFor(x, id, { timeoutMs: 3_000, billable: { staleAfterMs: 20_000 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (let round = 1; ; round++) {
  const drafts = await d.brandDraft.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  let pending = 0;
  for (const draft of drafts) {
    try {
      const brandId = draft.brandId ?? (await submitBrandDraft(d, ctx, { draftId: draft.id }, clientFor)).brandId;
      if (vetDrafts.has(draft.id) && (await d.brandVetting.count({ where: { orgId, brandId } })) === 0) {
        await orderVetting(d, ctx, { brandId, evpId: "AEGIS", vettingClass: "STANDARD", idempotencyKey: `chaos-${draft.id}` }, clientFor);
      }
    } catch (e) {
      pending++;
      console.log(`[creator] round ${round} ${draft.id}: ${e instanceof Error ? e.constructor.name + ": " + e.message.slice(0, 120) : String(e)}`);
    }
  }
  if (pending === 0) break;
  await sleep(500);
}
console.log("[creator] all done");
await d.$disconnect();
process.exit(0);
