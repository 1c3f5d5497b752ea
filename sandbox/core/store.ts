import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { hashSeed, ID_ALPHABET, Rng } from "./rng";

/**
 * The sandbox's whole state: plain JSON-able records keyed by id, so persistence is one
 * JSON.stringify and a reload is one JSON.parse. Route modules read and write these maps directly;
 * every mutation is followed by markDirty() (the server does it after each write request and each
 * clock task), and a write-behind timer saves the file with an atomic rename.
 */

export type EntityType = "PRIVATE_PROFIT" | "PUBLIC_PROFIT" | "NON_PROFIT" | "GOVERNMENT" | "SOLE_PROPRIETOR";
export type IdentityStatus = "SELF_DECLARED" | "UNVERIFIED" | "VERIFIED" | "VETTED_VERIFIED";

export interface FeedbackCategory {
  id: string;
  displayName: string;
  description: string;
  fields: string[];
}

export interface BrandRecord {
  brandId: string;
  cspId: string;
  status: "ACTIVE" | "DELETED";
  entityType: EntityType;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  companyName: string | null;
  ein: string | null;
  einIssuingCountry: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string;
  email: string;
  stockSymbol: string | null;
  stockExchange: string | null;
  ipAddress: string | null;
  website: string | null;
  brandRelationship: string | null;
  vertical: string | null;
  altBusinessId: string | null;
  altBusinessIdType: string | null;
  universalEin: string | null;
  referenceId: string | null;
  optionalAttributes: Record<string, string | number | boolean>;
  mock: boolean;
  identityStatus: IdentityStatus;
  createDate: string;
  evpVettingScore: number | null;
  evpVettingFeedback: string[];
  mobilePhone: string | null;
  mobilePhoneVerifiedDate: string | null;
  businessContactTitle: string | null;
  businessContactFirstName: string | null;
  businessContactLastName: string | null;
  businessContactEmail: string | null;
  businessContactEmailVerifiedDate: string | null;
  politicalVettingId: string | null;
  tag: string[];
  /** Simulator bookkeeping, never serialised to API responses. */
  sim: {
    feedback: FeedbackCategory[] | null;
    scoringPending: boolean;
    brandRelationshipChangedAt: number | null;
    authPlusCompliant: boolean;
    deleteDate: string | null;
  };
}

export interface OtpRecord {
  referenceId: string;
  brandId: string;
  mobilePhone: string;
  pin: string;
  pinSms: string;
  successSms: string | null;
  requestDate: string;
  requestAt: number;
  verifyDate: string | null;
  deliveryStatus: string | null;
  deliveryStatusDate: string | null;
  deliveryStatusDetails: string | null;
  superseded: boolean;
}

export interface VettingRecord {
  brandId: string;
  evpId: string;
  vettingId: string;
  vettingToken: string | null;
  vettingScore: number | null;
  vettingClass: string;
  vettingStatus: "PENDING" | "UNSCORE" | "ACTIVE" | "FAILED" | "EXPIRED";
  reasons: string[];
  vettingDetails: Record<string, unknown>;
  vettedDate: string | null;
  createDate: string;
  validUntil: string | null;
  expirationDate: string | null;
  /** ORDER (billable, scored on the clock) or IMPORT or AUTHPLUS (created by the Auth+ flow). */
  origin: "ORDER" | "IMPORT" | "AUTHPLUS";
  completedAt: number | null;
  additionalRequestPayload: string | null;
}

export interface AppealRecord {
  appealId: string;
  kind: "IDENTITY" | "VETTING" | "ASSET";
  brandId: string;
  evpId: string | null;
  vettingId: string | null;
  assetName: string | null;
  appealStatus: "PENDING" | "COMPLETE";
  appealCategories: string[];
  attachmentUuids: string[];
  explanation: string | null;
  createDate: string;
  completeDate: string | null;
  appealOutcome: Record<string, unknown> | null;
}

export interface AttachmentRecord {
  uuid: string;
  brandId: string | null;
  campaignId: string | null;
  purpose: "APPEAL_EVIDENCE" | "BRAND_ASSET" | "CAMPAIGN_MMS" | "CAMPAIGN_DOCUMENT";
  fileName: string;
  mimeType: string;
  size: number;
  dataBase64: string;
  createDate: string;
}

export interface AssetRecord {
  brandId: string;
  name: string;
  type: "LOGO" | "BANNER";
  attachmentUuid: string;
  url: string | null;
  width: number;
  height: number;
  /** null until submitted for verification. */
  verificationStatus: "PENDING" | "VERIFIED" | "UNVERIFIED" | null;
  feedbackReasons: string[];
  expirationDate: string | null;
  createDate: string;
  createAt: number;
  verifyRequestDate: string | null;
  verifiedDate: string | null;
}

export interface TwoFaRecord {
  brandId: string;
  vettingClass: "AUTHPLUS" | "RCS";
  email: string;
  startedAt: number;
  lastSentAt: number;
  sendCount: number;
  completedAt: number | null;
  expiredAt: number | null;
}

/** A campaign of this CSP (tcr-api-part2 §2.0); routes/campaigns.ts serves it. */
export interface CampaignRecord {
  campaignId: string;
  cspId: string;
  resellerId: string;
  status: "ACTIVE" | "EXPIRED";
  createDate: string;
  autoRenewal: boolean;
  billedDate: string;
  brandId: string;
  vertical: string | null;
  usecase: string;
  subUsecases: string[];
  description: string;
  embeddedLink: boolean;
  embeddedPhone: boolean;
  termsAndConditions: boolean;
  numberPool: boolean;
  ageGated: boolean;
  directLending: boolean;
  subscriberOptin: boolean;
  subscriberOptout: boolean;
  subscriberHelp: boolean;
  sample1: string | null;
  sample2: string | null;
  sample3: string | null;
  sample4: string | null;
  sample5: string | null;
  messageFlow: string;
  helpMessage: string | null;
  referenceId: string | null;
  mock: boolean;
  nextRenewalOrExpirationDate: string;
  expirationDate: string | null;
  optinKeywords: string | null;
  optoutKeywords: string | null;
  helpKeywords: string | null;
  optinMessage: string | null;
  optoutMessage: string | null;
  privacyPolicyLink: string | null;
  termsAndConditionsLink: string | null;
  embeddedLinkSample: string | null;
  monthlyFee: number;
  tag: string[];
  mnoIds: number[];
  /** Per-MNO terms and status; absent on scenario records (derived on read). */
  sim?: { mnoMetadata: Record<string, Record<string, unknown>>; operationStatus: Record<string, string> };
}

/** A campaign shared with this CSP by a downstream partner (partner's campaign, our view). */
export interface PartnerCampaignRecord extends Omit<CampaignRecord, "cspId"> {
  downstreamCnpId: string;
  sharingStatus: "PENDING" | "ACCEPTED" | "DECLINED";
  sharedDate: string;
  statusDate: string;
  /** True when the share is the provisional hop of a migration the downstream partner initiated to us. */
  cnpMigration?: boolean;
  /** CAMPAIGN_SHARE_ADD's previouslyAccepted: we were already in the pre-migration chain. */
  previouslyAccepted?: boolean;
}

/** A connectivity partner added through the control API (besides the built-in /enum/cnp and /enum/dca lists). */
export interface PartnerRecord {
  id: string;
  displayName: string;
  isDca: boolean;
  soleProprietorEnabled: boolean;
  cnpMigrationSupported: boolean;
}

/** One hop of a campaign's sharing chain where this CSP is the downstream party (tcr-api-part2 §2.18). */
export interface ShareRecord {
  campaignId: string;
  downstreamCnpId: string;
  upstreamCnpId: string;
  sharingStatus: "PENDING" | "ACCEPTED" | "DECLINED";
  rejectionCategory: string[];
  explanation: string | null;
  sharedDate: string;
  statusDate: string;
  cnpMigration: boolean;
  /** MNOs the accepting DCA elected / excluded (DCA API side, simulated). */
  electedMnoIds: number[];
  excludedMnoIds: number[];
  dcaComplete: boolean;
}

/**
 * A CNP migration transaction (cnp-migration.md §12, single-hop model): on one of our campaigns (initiator = us),
 * or on a partner campaign whose downstream CSP migrates it to us (initiator = that CSP, target = us).
 */
export interface MigrationRecord {
  migrationId: string;
  campaignId: string;
  initiatorId: string;
  targetId: string;
  /** Wire value of an open transaction is "ACTIVE", as the reference's sample shows. */
  status: "ACTIVE" | "COMPLETE" | "CANCELED";
  createDate: string;
  expirationDate: string;
  finalDate: string | null;
  cancellationReason: string | null;
  /** The provisional hop (cnpMigration = true) from us to the target. */
  hop: ShareRecord;
}

/** A number provisioned to a campaign through nnSR (outside TCR; provisioned via the control API). */
export interface PhoneNumberRecord {
  phoneNumber: string;
  campaignId: string;
  current: boolean;
  provisionDate: string;
  deprovisionDate: string | null;
}

export interface WebhookSubscription {
  eventCategory: string;
  webhookEndpoint: string;
}

export interface DeliveryAttempt {
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRecord {
  deliveryId: string;
  eventSeq: number;
  eventType: string;
  eventCategory: string;
  webhookEndpoint: string;
  body: string;
  signature: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: DeliveryAttempt[];
  createDate: string;
  /** Set on the extra copies made by the duplicate-delivery chaos mode. */
  duplicateOf: string | null;
  source: "EVENT" | "MOCK";
}

export interface EventRecord {
  eventSeq: number;
  eventType: string;
  eventCategory: string;
  payload: Record<string, unknown>;
  createDate: string;
  deliveryIds: string[];
}

export interface Task {
  taskId: number;
  at: number;
  kind: string;
  payload: Record<string, unknown>;
}

export interface Counters {
  brands: number;
  campaigns: number;
  vettingOrders: number;
  vettingImports: number;
  resubmissions: number;
  revets: number;
}

export interface AccountSettings {
  cspId: string;
  cspName: string;
  escalateEmail: string | null;
  email: string | null;
  techEmail: string | null;
  financeEmail: string | null;
  soleProprietorEnabled: boolean;
  platformFreeTrialEnabled: boolean;
  ucaasEnabled: boolean;
  publicSafetyEnabled: boolean;
  dpaSigned: boolean;
  migrationSupported: boolean;
  migrationAutoComplete: boolean;
  /** The Platform Free Trial brand, created when PFT is enabled. */
  pftBrandId: string | null;
}

export interface ResellerRecord {
  resellerId: string;
  cspId: string;
  companyName: string;
  phone: string;
  email: string;
}

/**
 * What the Telnyx profile (profiles/telnyx) keeps beside a TCR brand, keyed by the TCR brandId: the
 * brand itself stays in `brands`, so both APIs see one registry.
 */
export interface TelnyxBrandExtra {
  /** Last write through /10dlc (ISO); list records show it as updatedAt. */
  updatedAt: string;
  /** Revets through /10dlc: the first is free, later ones at most once every 3 months. */
  revetCount: number;
  lastRevetAt: number | null;
}

export interface StoreData {
  version: 1;
  seed: string;
  rngState: number;
  clockNow: number;
  nextTaskId: number;
  nextEventSeq: number;
  account: AccountSettings;
  brands: Record<string, BrandRecord>;
  otps: Record<string, OtpRecord>;
  vettings: Record<string, VettingRecord>;
  appeals: Record<string, AppealRecord>;
  attachments: Record<string, AttachmentRecord>;
  assets: Record<string, AssetRecord>;
  twoFa: Record<string, TwoFaRecord>;
  cvTokens: Record<string, { brandId: string; locale: string | null; validUntil: string | null; usedBy: string | null }>;
  campaigns: Record<string, CampaignRecord>;
  partnerCampaigns: Record<string, PartnerCampaignRecord>;
  resellers: Record<string, ResellerRecord>;
  phoneNumbers: Record<string, PhoneNumberRecord>;
  /** Upstream hop of our campaigns and of partner campaigns we forwarded, keyed by campaignId. */
  shares: Record<string, ShareRecord>;
  migrations: Record<string, MigrationRecord>;
  partners: Record<string, PartnerRecord>;
  subscriptions: Record<string, WebhookSubscription>;
  events: EventRecord[];
  deliveries: Record<string, DeliveryRecord>;
  counters: Counters;
  tasks: Task[];
  telnyxBrands: Record<string, TelnyxBrandExtra>;
}

/** Default simulated start: a fixed instant, so outputs are reproducible for a given seed. */
export const DEFAULT_EPOCH = Date.parse("2026-01-05T15:00:00Z");

export function emptyData(seed: string, startAt: number = DEFAULT_EPOCH): StoreData {
  const rngState = hashSeed(seed);
  const data: StoreData = {
    version: 1,
    seed,
    rngState,
    clockNow: startAt,
    nextTaskId: 1,
    nextEventSeq: 1,
    account: {
      cspId: "",
      cspName: "CampaignDesk Sandbox CSP",
      escalateEmail: "escalation@csp.example",
      email: "events@csp.example",
      techEmail: null,
      financeEmail: "finance@csp.example",
      soleProprietorEnabled: true,
      platformFreeTrialEnabled: false,
      ucaasEnabled: false,
      publicSafetyEnabled: false,
      dpaSigned: true,
      migrationSupported: false,
      migrationAutoComplete: false,
      pftBrandId: null,
    },
    resellers: {},
    phoneNumbers: {},
    shares: {},
    migrations: {},
    partners: {},
    brands: {},
    otps: {},
    vettings: {},
    appeals: {},
    attachments: {},
    assets: {},
    twoFa: {},
    cvTokens: {},
    campaigns: {},
    partnerCampaigns: {},
    subscriptions: {},
    events: [],
    deliveries: {},
    counters: { brands: 0, campaigns: 0, vettingOrders: 0, vettingImports: 0, resubmissions: 0, revets: 0 },
    tasks: [],
    telnyxBrands: {},
  };
  return data;
}

const FILE_NAME = "state.json";
/** Keep the event/delivery logs bounded so the state file stays small in long runs. */
const MAX_EVENTS = 5000;

export class Store {
  data: StoreData;
  readonly rng: Rng;
  private timer: NodeJS.Timeout | null = null;
  private readonly file: string | null;

  constructor(
    private readonly opts: { dataDir?: string; seed: string; writeDelayMs?: number; startAt?: number },
  ) {
    this.file = opts.dataDir ? join(opts.dataDir, FILE_NAME) : null;
    this.data = this.load() ?? this.fresh();
    this.rng = new Rng(
      () => this.data.rngState,
      (s) => {
        this.data.rngState = s;
      },
    );
    if (!this.data.account.cspId) this.data.account.cspId = this.newId("S", () => false);
  }

  private fresh(): StoreData {
    return emptyData(this.opts.seed, this.opts.startAt);
  }

  private load(): StoreData | null {
    if (!this.file || !existsSync(this.file)) return null;
    const parsed = JSON.parse(readFileSync(this.file, "utf8")) as StoreData;
    if (parsed.version !== 1) return null;
    // Collections added after a file was written start empty.
    const base = emptyData(parsed.seed);
    return { ...base, ...parsed, account: { ...base.account, ...parsed.account } };
  }

  /** Drop everything and start again from the seed (ids restart too). */
  reset(startAt?: number): void {
    const cspName = this.data.account.cspName;
    this.data = emptyData(this.opts.seed, startAt ?? this.opts.startAt);
    this.data.account.cspName = cspName;
    this.data.account.cspId = this.newId("S", () => false);
    this.markDirty();
  }

  /** Registry-style id: prefix + 6 uppercase alphanumerics, unique within `taken`. */
  newId(prefix: string, taken: (id: string) => boolean): string {
    for (;;) {
      const id = prefix + this.rng.chars(ID_ALPHABET, 6);
      if (!taken(id)) return id;
    }
  }

  newBrandId(): string {
    return this.newId("B", (id) => id in this.data.brands);
  }

  newCampaignId(): string {
    return this.newId("C", (id) => id in this.data.campaigns || id in this.data.partnerCampaigns);
  }

  pushEvent(e: EventRecord): void {
    this.data.events.push(e);
    if (this.data.events.length > MAX_EVENTS) this.data.events.splice(0, this.data.events.length - MAX_EVENTS);
  }

  markDirty(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, this.opts.writeDelayMs ?? 500);
    this.timer.unref();
  }

  /** Synchronous atomic write: temp file then rename, so a crash never leaves half a file. */
  saveNow(): void {
    if (!this.file || !this.opts.dataDir) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    mkdirSync(this.opts.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
