// Shared setup of campaign-side integration tests (tags, resellers): a test database, an in-process sandbox on a
// manual clock, an organization connected to it, a brand that can register campaigns, and campaigns created
// at the registry and mirrored.
import { createRequestFromDraft, defaultKeywordMessages } from "@/lib/campaigns/builder";
import { composeMessageFlow, type Consent } from "@/lib/campaigns/consent";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";
import { refreshBrand, refreshCampaign } from "@/lib/mirror/refresh";
import { registryClientFor } from "@/lib/registry/client";
import { saveConnection } from "@/lib/registry/connection";
import { registryConnectionSchema } from "@/lib/registry/schemas";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { brandBody } from "@/sandbox/testing/helpers";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const KEY = "campaign-kit-key";
const SECRET = "campaign-kit-secret";

export type CampaignKit = Awaited<ReturnType<typeof startCampaignKit>>;

const consent: Consent = {
  programName: "Kit Outdoors",
  messagePurpose: "store offers",
  mechanisms: [{ method: "WEB_FORM", location: "https://www.kit-outdoors.com/sms", details: "", evidenceUrl: "", checkboxUnchecked: true }],
  frequency: "RECURRING",
  frequencyDetail: "up to 4 msgs/month",
  ratesDisclosure: true, helpDisclosure: true, stopDisclosure: true, carrierDisclaimer: true, notConditionOfPurchase: true, noThirdPartySharing: true,
  privacyPolicyUrl: "https://www.kit-outdoors.com/privacy",
  termsUrl: "https://www.kit-outdoors.com/terms",
};

/** A complete, compliant MARKETING campaign draft for `brandId` (the builder's data), with overrides. */
export function kitCampaignDraft(brandId: string, over: Partial<CampaignDraftData> = {}): CampaignDraftData {
  return {
    brandId, usecase: "MARKETING", subUsecases: [], resellerId: "R000000",
    description: "Kit Outdoors sends seasonal offers and in-store event announcements to customers who signed up for texts.",
    consent: consent as unknown as Record<string, unknown>, messageFlow: composeMessageFlow(consent),
    sample1: "Kit Outdoors: our spring sale starts Friday with 20% off all tents in store. Reply STOP to opt out.",
    sample2: "Kit Outdoors: join us Saturday for the store anniversary with free gifts. Reply HELP for help, STOP to opt out.",
    embeddedLink: false, embeddedPhone: false, numberPool: false, ageGated: false, directLending: false, affiliateMarketing: false,
    termsAndConditions: true, subscriberOptin: true, subscriberOptout: true, subscriberHelp: true, ...defaultKeywordMessages("Kit Outdoors"),
    privacyPolicyLink: consent.privacyPolicyUrl, termsAndConditionsLink: consent.termsUrl, autoRenewal: true,
    ...over,
  };
}

export async function startCampaignKit(seed = "campaign-kit") {
  const t: TestDb = await createTestDb();
  const sandbox: Sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, rateLimits: false, seed });
  const org = await makeOrg(t.db);
  const other = await makeOrg(t.db);
  await saveConnection(t.db, org.ctx, registryConnectionSchema.parse({ baseUrl: sandbox.apiUrl, authMode: "BEARER", apiKey: KEY, webhookSecret: SECRET }));
  const client = await registryClientFor(t.db, org.org.id);
  const b = await client.brands.create(brandBody("PRIVATE_PROFIT", { displayName: "Kit Outdoors" }) as never, { idempotencyKey: `kit-brand-${seed}` });
  await sandbox.control.advance(2 * 60_000);
  await refreshBrand(t.db, client, org.org.id, b.brandId);
  let n = 0;

  /** Registers a campaign for the kit's brand at the sandbox (billable path) and mirrors it. */
  async function campaign(over: Partial<CampaignDraftData> = {}, opts: { mirror?: boolean } = {}) {
    const created = await client.campaignBuilder.create(createRequestFromDraft(kitCampaignDraft(b.brandId, over)) as never, { idempotencyKey: `kit-campaign-${seed}-${++n}` });
    if (opts.mirror !== false) await refreshCampaign(t.db, client, org.org.id, created.campaignId);
    return created.campaignId;
  }

  return {
    t, db: t.db, sandbox, org, other, ctx: org.ctx, client, brandId: b.brandId, campaign,
    audits: (action: string, targetId?: string) => t.db.auditLog.findMany({ where: { orgId: org.org.id, action, ...(targetId ? { targetId } : {}) }, orderBy: { createdAt: "asc" } }),
    async close() {
      await sandbox.close();
      await t.close();
    },
  };
}
