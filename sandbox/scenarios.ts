import type { Sim } from "./core/context";
import type { BrandRecord, CampaignRecord, EntityType, IdentityStatus, PartnerCampaignRecord, VettingRecord } from "./core/store";
import { CNPS, MNOS, US_STATES, VERTICALS } from "./data/enums";
import { FEEDBACK } from "./domain/brands";
import { startAuthPlus } from "./domain/authplus";

/**
 * Named scenarios loaded through the control API (after a reset). They write records straight into
 * the store (no validation, no webhooks, no billing counters), so even the large one loads in well
 * under a second. Ids still come from the seeded generator, so a scenario is reproducible.
 */
export interface ScenarioOptions {
  brands?: number;
  campaigns?: number;
  partnerShares?: number;
}

export interface ScenarioSummary {
  scenario: string;
  brands: number;
  campaigns: number;
  partnerCampaigns: number;
  ms: number;
}

const STATES = Object.keys(US_STATES);
const VERTICAL_IDS = Object.keys(VERTICALS);

export function makeBrand(sim: Sim, p: Partial<BrandRecord> & { entityType: EntityType; displayName: string; identityStatus: IdentityStatus }, createAt: number): BrandRecord {
  const d = sim.store.data;
  const sp = p.entityType === "SOLE_PROPRIETOR";
  const brandId = sim.store.newBrandId();
  const ein = sp ? null : (p.ein ?? String(100000000 + sim.store.rng.int(899999999)));
  const b: BrandRecord = {
    brandId, cspId: d.account.cspId, status: "ACTIVE", entityType: p.entityType,
    firstName: sp ? "Jane" : null, lastName: sp ? "Doe" : null, displayName: p.displayName,
    companyName: sp ? null : (p.companyName ?? `${p.displayName} LLC`), ein, einIssuingCountry: sp ? null : "US",
    phone: "+12025550100", street: "123 Main St", city: "Springfield", state: p.state ?? "IL", postalCode: "62701", country: "US",
    email: "contact@example.com", stockSymbol: p.stockSymbol ?? null, stockExchange: p.stockExchange ?? null, ipAddress: null,
    website: p.website ?? "https://www.example.com", brandRelationship: sp ? null : "BASIC_ACCOUNT", vertical: p.vertical ?? "RETAIL",
    altBusinessId: null, altBusinessIdType: "NONE", universalEin: ein ? `US_${ein}` : null, referenceId: p.referenceId ?? null,
    optionalAttributes: p.optionalAttributes ?? {}, mock: p.mock ?? false, identityStatus: p.identityStatus,
    createDate: new Date(createAt).toISOString(), evpVettingScore: null, evpVettingFeedback: [],
    mobilePhone: sp ? "+12025550123" : null, mobilePhoneVerifiedDate: null, businessContactTitle: null,
    businessContactFirstName: null, businessContactLastName: null, businessContactEmail: p.businessContactEmail ?? null,
    businessContactEmailVerifiedDate: p.businessContactEmailVerifiedDate ?? null, politicalVettingId: null, tag: p.tag ?? [],
    sim: { feedback: p.identityStatus === "SELF_DECLARED" ? null : [], scoringPending: false, brandRelationshipChangedAt: null, authPlusCompliant: Boolean(p.businessContactEmailVerifiedDate), deleteDate: null },
  };
  d.brands[brandId] = b;
  return b;
}

const USECASES = ["2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "MARKETING", "MIXED", "LOW_VOLUME"];

export function makeCampaign(sim: Sim, b: BrandRecord, i: number, createAt: number): CampaignRecord {
  const usecase = USECASES[i % USECASES.length]!;
  const created = new Date(createAt);
  const next = new Date(createAt);
  next.setUTCMonth(next.getUTCMonth() + 3);
  const c: CampaignRecord = {
    campaignId: sim.store.newCampaignId(), cspId: sim.store.data.account.cspId, resellerId: "R000000", status: "ACTIVE",
    createDate: created.toISOString(), autoRenewal: true, billedDate: created.toISOString(), brandId: b.brandId, vertical: b.vertical,
    usecase, subUsecases: usecase === "MIXED" || usecase === "LOW_VOLUME" ? ["ACCOUNT_NOTIFICATION", "CUSTOMER_CARE"] : [],
    description: `${b.displayName} sends ${usecase.toLowerCase().replace(/_/g, " ")} messages to customers who opted in on the website.`,
    embeddedLink: false, embeddedPhone: false, termsAndConditions: true, numberPool: false, ageGated: false, directLending: false,
    subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    sample1: `${b.displayName}: your order #1234 has shipped. Reply STOP to opt out.`,
    sample2: `${b.displayName}: your appointment is tomorrow at 10am. Reply HELP for help.`, sample3: null, sample4: null, sample5: null,
    messageFlow: "Customers opt in by checking an unchecked box on the website checkout form that describes the program.",
    helpMessage: `${b.displayName}: for help call +12025550100. Reply STOP to opt out.`, referenceId: null, mock: b.mock,
    nextRenewalOrExpirationDate: next.toISOString().slice(0, 10), expirationDate: null, optinKeywords: "START,YES",
    optoutKeywords: "STOP", helpKeywords: "HELP", optinMessage: `${b.displayName}: you are subscribed. Reply STOP to opt out.`,
    optoutMessage: `${b.displayName}: you are unsubscribed and will receive no more messages.`, privacyPolicyLink: "https://www.example.com/privacy",
    termsAndConditionsLink: "https://www.example.com/terms", embeddedLinkSample: null, monthlyFee: usecase === "LOW_VOLUME" ? 1.5 : 10, tag: [],
    mnoIds: MNOS.map((m) => m.networkId),
  };
  sim.store.data.campaigns[c.campaignId] = c;
  return c;
}

export function makePartnerCampaign(sim: Sim, i: number, createAt: number): PartnerCampaignRecord {
  const partnerBrandId = `B${(i + 100000).toString(36).toUpperCase().padStart(6, "0").slice(-6)}`;
  const fake = { brandId: partnerBrandId, displayName: `Partner Brand ${i + 1}`, vertical: "PROFESSIONAL", mock: false } as BrandRecord;
  const base = makeCampaign(sim, fake, i, createAt);
  delete sim.store.data.campaigns[base.campaignId];
  const { cspId: _drop, sim: _sim, ...rest } = base;
  const iso = new Date(createAt).toISOString();
  const pc: PartnerCampaignRecord = { ...rest, downstreamCnpId: CNPS[i % CNPS.length]!.id, sharingStatus: "PENDING", sharedDate: iso, statusDate: iso };
  sim.store.data.partnerCampaigns[pc.campaignId] = pc;
  return pc;
}

function addVet(sim: Sim, b: BrandRecord, score: number, createAt: number): VettingRecord {
  const iso = new Date(createAt).toISOString();
  const until = new Date(createAt);
  until.setUTCFullYear(until.getUTCFullYear() + 1);
  const v: VettingRecord = {
    brandId: b.brandId, evpId: "AEGIS", vettingId: sim.store.rng.uuid(), vettingToken: null, vettingScore: score, vettingClass: "STANDARD",
    vettingStatus: "ACTIVE", reasons: [], vettingDetails: {}, vettedDate: iso, createDate: iso, validUntil: until.toISOString(),
    expirationDate: until.toISOString(), origin: "ORDER", completedAt: createAt, additionalRequestPayload: null,
  };
  sim.store.data.vettings[v.vettingId] = v;
  sim.clock.schedule("vetting.expire", { vettingId: v.vettingId }, until.getTime() - sim.clock.now());
  b.evpVettingScore = score;
  return v;
}

export const SCENARIOS: Record<string, { description: string; load: (sim: Sim, o: ScenarioOptions) => void }> = {
  empty: { description: "No records (same as a reset)", load: () => {} },
  demo: {
    description: "A handful of brands in every identity state, a vetted brand, Auth+ pending, two campaigns, three pending partner shares",
    load: (sim) => {
      const now = sim.clock.now();
      const acme = makeBrand(sim, { entityType: "PRIVATE_PROFIT", displayName: "Acme Verified", identityStatus: "VERIFIED", referenceId: "demo-acme" }, now);
      const bad = makeBrand(sim, { entityType: "PRIVATE_PROFIT", displayName: "Bad Tax Co", companyName: "Bad Tax Co", ein: "123450000", identityStatus: "UNVERIFIED" }, now);
      bad.sim.feedback = [FEEDBACK.TAX_ID!];
      makeBrand(sim, { entityType: "SOLE_PROPRIETOR", displayName: "Jane Doe Studio", identityStatus: "SELF_DECLARED", referenceId: "demo-sp", mock: true }, now);
      const pub = makeBrand(sim, { entityType: "PUBLIC_PROFIT", displayName: "Big Public Corp", identityStatus: "VERIFIED", stockSymbol: "ABC", stockExchange: "NASDAQ", businessContactEmail: "pat.lee@bigpublic.example", optionalAttributes: { russell3000: true } }, now);
      startAuthPlus(sim, pub);
      const vetted = makeBrand(sim, { entityType: "PRIVATE_PROFIT", displayName: "Vetted Retail", ein: "987654380", identityStatus: "VETTED_VERIFIED" }, now);
      addVet(sim, vetted, 80, now);
      makeBrand(sim, { entityType: "GOVERNMENT", displayName: "City of Springfield", vertical: "GOVERNMENT", identityStatus: "VERIFIED", optionalAttributes: { governmentEntity: true } }, now);
      makeBrand(sim, { entityType: "NON_PROFIT", displayName: "Helping Hands", vertical: "NGO", identityStatus: "VERIFIED", optionalAttributes: { taxExemptStatus: "501(c)(3)" } }, now);
      makeCampaign(sim, acme, 0, now);
      makeCampaign(sim, vetted, 4, now);
      for (let i = 0; i < 3; i++) makePartnerCampaign(sim, i, now);
    },
  },
  large: {
    description: "Thousands of brands (default 5000), campaigns (10000) and pending partner shares (2000); sizes via options",
    load: (sim, o) => {
      const nBrands = o.brands ?? 5000;
      const nCampaigns = o.campaigns ?? 10000;
      const nShares = o.partnerShares ?? 2000;
      const now = sim.clock.now();
      const types: EntityType[] = ["PRIVATE_PROFIT", "PRIVATE_PROFIT", "PRIVATE_PROFIT", "NON_PROFIT", "PUBLIC_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR"];
      const statuses: IdentityStatus[] = ["VERIFIED", "VERIFIED", "VERIFIED", "UNVERIFIED", "VETTED_VERIFIED"];
      const brands: BrandRecord[] = [];
      for (let i = 0; i < nBrands; i++) {
        const entityType = types[i % types.length]!;
        const identityStatus = entityType === "SOLE_PROPRIETOR" ? (i % 2 ? "VERIFIED" : "SELF_DECLARED") : statuses[i % statuses.length]!;
        const b = makeBrand(sim, {
          entityType, identityStatus, displayName: `Brand ${String(i + 1).padStart(5, "0")}`,
          state: STATES[i % STATES.length]!, vertical: VERTICAL_IDS[i % VERTICAL_IDS.length]!,
          referenceId: `large-${i + 1}`, mock: i % 10 === 0, tag: i % 3 === 0 ? ["bulk"] : [],
          stockSymbol: entityType === "PUBLIC_PROFIT" ? "ABC" : null, stockExchange: entityType === "PUBLIC_PROFIT" ? "NASDAQ" : null,
          businessContactEmail: entityType === "PUBLIC_PROFIT" ? "pat.lee@example.org" : null,
          businessContactEmailVerifiedDate: entityType === "PUBLIC_PROFIT" ? new Date(now).toISOString() : null,
        }, now - (nBrands - i) * 60_000);
        if (identityStatus === "UNVERIFIED") b.sim.feedback = [FEEDBACK.TAX_ID!];
        if (identityStatus === "VETTED_VERIFIED") addVet(sim, b, 50 + (i % 50), now);
        brands.push(b);
      }
      const eligible = brands.filter((b) => b.identityStatus === "VERIFIED" || b.identityStatus === "VETTED_VERIFIED");
      for (let i = 0; i < nCampaigns && eligible.length > 0; i++) makeCampaign(sim, eligible[i % eligible.length]!, i, now - (nCampaigns - i) * 30_000);
      for (let i = 0; i < nShares; i++) makePartnerCampaign(sim, i, now - (nShares - i) * 10_000);
    },
  },
};

export function loadScenario(sim: Sim, name: string, o: ScenarioOptions = {}): ScenarioSummary {
  const s = SCENARIOS[name];
  if (!s) throw new Error(`Unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(", ")}`);
  const started = Date.now();
  s.load(sim, o);
  sim.store.markDirty();
  const d = sim.store.data;
  return {
    scenario: name,
    brands: Object.keys(d.brands).length,
    campaigns: Object.keys(d.campaigns).length,
    partnerCampaigns: Object.keys(d.partnerCampaigns).length,
    ms: Date.now() - started,
  };
}
