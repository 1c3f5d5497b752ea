/**
 * The Vonage adapter: `createVonageClient(config)` returns `{ brands, campaignBuilder, campaigns }`
 * with the method names and signatures of lib/tcr's namespaces for what Vonage supports (TCR shapes in
 * and out; see the mapping table in mapping.ts), plus Vonage's own extras (message-flow preview,
 * number linking, throughputs, fees). `config.baseUrl` is Vonage's base, e.g.
 * https://api-eu.vonage.com/v1/10dlc (or the sandbox's /v1/10dlc); `config.auth` must be Basic
 * (api key = Vonage account id, api secret).
 */
import type { z } from "zod";
import type { Consent } from "@/lib/campaigns/consent";
import { billableCall, InMemoryIntentStore } from "@/lib/tcr/billable";
import type { TcrClientConfig } from "@/lib/tcr/http";
import { toFormData, type BillableOptions } from "@/lib/tcr/op";
import type { ExternalVettingAppealRequest } from "@/lib/tcr/schemas/appeal";
import type { BrandCreateRequest, BrandSearchQuery, BrandUpdateRequest, SmsOtpTriggerRequest, SmsOtpVerifyRequest } from "@/lib/tcr/schemas/brand";
import type { CampaignSearchQuery, CampaignUpdateRequest, PhoneNumberQuery, ResubmitRequest } from "@/lib/tcr/schemas/campaign";
import type { CampaignBuilderCreateRequest, CampaignCreateResponse } from "@/lib/tcr/schemas/campaignBuilder";
import type { MnoMetadataMap, Page, UploadFile } from "@/lib/tcr/schemas/common";
import type { ExternalVetting, ExternalVettingImportRequest, ExternalVettingListQuery, ExternalVettingOrderRequest } from "@/lib/tcr/schemas/vetting";
import { createVonageHttp, VonageApiError, type VonageHttp } from "./http";
import {
  brandCreateToVonage, brandUpdateToVonage, campaignCreateToVonage, campaignUpdateToVonage, consentToMessageFlowDetails, mnoMetadataToTcr,
  politicalPayloadToVonage, qualificationToTcr, vonageBrandToTcr, vonageCampaignToTcr, vonageFieldToOurs, vonageVettingToTcr,
  type CampaignExtras, type VonageTcrBrand, type VonageTcrCampaign,
} from "./mapping";
import {
  APPEAL_MAX_FILES, EVIDENCE_FILE_TYPES, EVIDENCE_MAX_FILE_BYTES, VonageAppealRequest, VonageBrand, VonageBrandCreateRequest, VonageBrandPage,
  VonageBrandUpdateRequest, VonageCampaign, VonageCampaignCreateRequest, VonageCampaignPage, VonageCampaignUpdateRequest, VonageEvidence,
  VonageEvidencePage, VonageFeedback, VonageMessageFlowPreview, VonageMessageFlowPreviewRequest, VonageNumber, VonageNumberLinkRequest,
  VonageNumberPage, VonagePartnerCampaign, VonagePartnerImportRequest, VonageResubmitResponse, VonageStartVerificationResponse, VonageTerms, VonageThroughputPage, VonageUsecaseQualification,
  VonageVerification, VonageVetting, VonageVettingImportRequest, VonageVettingList, VonageVettingOrderRequest, VonageAccount,
  VonageAccountUpdateRequest, VonageEnums, VonageReseller, VonageResellerPage, VonageResellerRequest, type VonageMessageFlowDetails, type VonageNumber as VNumber,
  type VonageThroughput,
} from "./schemas";

type In<S extends z.ZodType> = z.input<S>;

/**
 * Fees. The reference states none for brands, vetting or number linking; campaign fees come per use
 * case from qualification (`quarterlyFee`, `annualFee`; currency not stated).
 */
export const VONAGE_FEES = {
  brandRegistration: null,
  vetting: null,
  note: "billed by Vonage",
  campaign: "quarterly_fee and annual_fee per use case, from GET /brands/:brand_id/usecases/:usecase",
} as const;

/** A linked number, in our (E.164 with "+") form. */
export interface LinkedNumber {
  phoneNumber: string;
  number: string;
  country: string | null;
  status: string | null;
  compliance: string[];
}
const toLinked = (n: VNumber): LinkedNumber => ({ phoneNumber: `+${n.number}`, number: n.number, country: n.country ?? null, status: n.status ?? null, compliance: n.compliance ?? [] });

export interface Throughput {
  id: string | null;
  brandId: string | null;
  campaignId: string | null;
  carriers: string[];
  shared: number | null;
  period: string | null;
  scope: string | null;
}
const toThroughput = (t: VonageThroughput): Throughput => ({
  id: t.id ?? null, brandId: t.brand_id ?? null, campaignId: t.campaign_id ?? null, carriers: t.carriers ?? [], shared: t.value?.shared ?? null,
  period: t.period ?? null, scope: t.scope ?? null,
});

const resellerOut = (r: z.output<typeof VonageReseller>) => ({
  id: r.id, tcrResellerId: r.tcr_reseller_id ?? null, companyName: r.company_name ?? null, phone: r.phone ? `+${r.phone}` : null, email: r.email ?? null,
  status: r.status ?? null, rejectionReason: r.rejection_reason ?? null,
});

const isConsent = (x: object): x is Consent => "programName" in x && "mechanisms" in x;

/** VonageAppealRequest's fields → the vetting appeal form's, with what Vonage asks for. */
const APPEAL_FIELD: Record<string, { field: string; description: string }> = {
  categories: { field: "appealCategories", description: "Choose at least one category." },
  evidence_ids: { field: "fileIds", description: `Vonage asks for 1 to ${APPEAL_MAX_FILES} evidence files with a vetting appeal.` },
  explanation: { field: "explanation", description: "Vonage asks for an explanation of 1 to 1024 characters with a vetting appeal." },
};

export function createVonageClient(config: TcrClientConfig) {
  const http: VonageHttp = createVonageHttp(config, vonageFieldToOurs);
  if (config.auth.mode !== "basic") throw new TypeError("Vonage authenticates with HTTP Basic");
  const accountId = config.auth.apiKey;
  const intents = config.intentStore ?? new InMemoryIntentStore();
  const billable = {
    store: intents, logger: config.logger, reconcileDelayMs: config.reconcileDelayMs ?? 1_000, maxSends: config.billable?.maxSends,
    staleAfterMs: config.billable?.staleAfterMs, sleep: config.sleep,
  };
  const enc = encodeURIComponent;

  // Campaign paths need the brand id; the portal passes only the Vonage campaign id.
  const brandOfCampaign = new Map<string, string>();

  const listAll = async <T>(fetchPage: (page: number) => Promise<{ items: T[]; totalPages: number }>): Promise<T[]> => {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const r = await fetchPage(page);
      out.push(...r.items);
      if (page >= r.totalPages || r.items.length === 0) return out;
    }
  };
  const allBrands = (status?: string[]) =>
    listAll(async (page) => {
      const r = await http.call("GET", "/brands", VonageBrandPage, { op: "vonage.brand.list", template: "/brands", query: { page, page_size: 100, status } });
      return { items: (r._embedded?.brands ?? []) as VonageBrand[], totalPages: r.total_pages ?? 1 };
    });
  const brandCampaigns = (brandId: string) =>
    listAll(async (page) => {
      const r = await http.call("GET", `/brands/${enc(brandId)}/campaigns`, VonageCampaignPage, { op: "vonage.campaign.list", template: "/brands/:brand_id/campaigns", query: { page, page_size: 100 } });
      const items = (r._embedded?.campaigns ?? []) as VonageCampaign[];
      for (const c of items) brandOfCampaign.set(c.campaign_id, brandId);
      return { items, totalPages: r.total_pages ?? 1 };
    });
  const resolveBrand = async (campaignId: string): Promise<string> => {
    const hit = brandOfCampaign.get(campaignId);
    if (hit) return hit;
    for (const b of await allBrands()) {
      if ((await brandCampaigns(b.brand_id)).some((c) => c.campaign_id === campaignId)) return b.brand_id;
    }
    throw new Error(`Vonage campaign ${campaignId} not found under any brand of this account`);
  };
  const campaignPath = async (campaignId: string) => `/brands/${enc(await resolveBrand(campaignId))}/campaigns/${enc(campaignId)}`;
  const getVonageCampaign = async (campaignId: string) =>
    http.call("GET", await campaignPath(campaignId), VonageCampaign, { op: "vonage.campaign.get", template: "/brands/:brand_id/campaigns/:campaign_id" });

  // ── brands ──
  const brandFingerprint = (b: { entity_type?: string | null; display_name?: string | null; email?: string | null; ein?: string | null; company_name?: string | null }) =>
    JSON.stringify([b.entity_type, b.display_name, b.email, (b.ein ?? "").replace(/\D/g, ""), b.company_name ?? null]);

  const listExternalVetting = async (brandId: string, query: Partial<In<typeof ExternalVettingListQuery>> = {}): Promise<ExternalVetting[]> => {
    const list = await http.call("GET", `/brands/${enc(brandId)}/vetting/requests`, VonageVettingList, { op: "vonage.vetting.list", template: "/brands/:brand_id/vetting/requests" });
    return list
      .map(vonageVettingToTcr)
      .filter((v) => (!query.evpId || v.evpId?.toUpperCase() === query.evpId.toUpperCase()) && (!query.vettingClass || v.vettingClass === query.vettingClass) &&
        (!query.vettingStatus || (query.vettingStatus as string[]).includes(String(v.vettingStatus))));
  };

  const brands = {
    search: async (query: In<typeof BrandSearchQuery> = {}): Promise<Page<VonageTcrBrand>> => {
      const q = query as Record<string, unknown>;
      const status = q.status ? [String(q.status)] : undefined;
      const rows = (await allBrands(status)).map(vonageBrandToTcr).filter((b) =>
        (!q.referenceId || (b.referenceId ?? "").toLowerCase() === String(q.referenceId).toLowerCase()) &&
        (!q.displayName || (b.displayName ?? "").toLowerCase().includes(String(q.displayName).toLowerCase())) &&
        (!q.entityType || b.entityType === q.entityType) && (!q.country || b.country === q.country) && (!q.state || b.state === q.state) &&
        (!q.ein || b.ein === q.ein));
      const page = Number(q.page ?? 1);
      const per = Number(q.recordsPerPage ?? 10);
      return { page, totalRecords: rows.length, records: rows.slice((page - 1) * per, page * per) };
    },
    get: async (brandId: string) => vonageBrandToTcr(await http.call("GET", `/brands/${enc(brandId)}`, VonageBrand, { op: "vonage.brand.get", template: "/brands/:brand_id" })),

    /**
     * Register a brand (billable: Vonage passes TCR's brand fee on). Vonage has no settable
     * reference id, so the brands matching this request that exist before the first send are
     * recorded; after an ambiguous failure a matching brand that was not there before is ours.
     */
    create: async (input: In<typeof BrandCreateRequest>, opts: BillableOptions): Promise<VonageTcrBrand> => {
      const body = VonageBrandCreateRequest.parse(brandCreateToVonage(input, accountId));
      const fp = brandFingerprint(body);
      const matching = async () => (await allBrands(["ACTIVE", "SUSPENDED"])).filter((b) => brandFingerprint(b) === fp);
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "brand.create",
        prepare: async () => ({ brandIds: (await matching()).map((b) => b.brand_id) }),
        send: async () => vonageBrandToTcr(await http.call("POST", "/brands", VonageBrand, { op: "vonage.brand.create", template: "/brands", body })),
        lookup: async (intent) => {
          const before = new Set((intent.context as { brandIds?: string[] } | null)?.brandIds ?? []);
          const hit = (await matching()).find((b) => !before.has(b.brand_id));
          return hit ? vonageBrandToTcr(hit) : null;
        },
        objectId: (b) => b.brandId,
      });
    },
    update: async (brandId: string, input: In<typeof BrandUpdateRequest>) =>
      vonageBrandToTcr(await http.call("PATCH", `/brands/${enc(brandId)}`, VonageBrand, {
        op: "vonage.brand.update", template: "/brands/:brand_id", body: VonageBrandUpdateRequest.parse(brandUpdateToVonage(input)),
      })),
    delete: async (brandId: string): Promise<void> => http.callEmpty("DELETE", `/brands/${enc(brandId)}`, { op: "vonage.brand.delete", template: "/brands/:brand_id" }),
    getFeedback: async (brandId: string) => {
      // Vonage answers 422 while the identity check is still PENDING (its reference says so): no feedback yet.
      const f = await http.call("GET", `/brands/${enc(brandId)}/feedback`, VonageFeedback, { op: "vonage.brand.feedback", template: "/brands/:brand_id/feedback" })
        .catch((e: unknown) => {
          if (e instanceof VonageApiError && e.status === 422) return { categories: [] };
          throw e;
        });
      return {
        brandId,
        category: (f.categories ?? []).map((c) => ({ id: c.name ?? undefined, description: c.description ?? null, fields: (c.fields ?? []).map(vonageFieldToOurs) })),
      };
    },
    revet: async (brandId: string) =>
      vonageBrandToTcr(await http.call("POST", `/brands/${enc(brandId)}/revet`, VonageBrand, { op: "vonage.brand.revet", template: "/brands/:brand_id/revet" })),
    /** Vonage's start_verification: the SMS OTP for sole proprietors, the Auth+ email for PUBLIC_PROFIT. */
    triggerSmsOtp: async (brandId: string, input: In<typeof SmsOtpTriggerRequest>) => {
      const r = await http.call("POST", `/brands/${enc(brandId)}/start_verification`, VonageStartVerificationResponse, {
        op: "vonage.brand.startVerification", template: "/brands/:brand_id/start_verification",
        body: { verify_sms: input.pinSms, ...(input.successSms ? { success_sms: input.successSms } : {}) },
      });
      return { brandId: r.brand_id ?? brandId, referenceId: r.reference_id };
    },
    verifySmsOtp: async (brandId: string, input: In<typeof SmsOtpVerifyRequest>): Promise<void> =>
      http.callEmpty("POST", `/brands/${enc(brandId)}/verify`, { op: "vonage.brand.verify", template: "/brands/:brand_id/verify", body: { otp_pin: input.otpPin } }),
    listExternalVetting,
    /** Order a vet (billable): vets present before the first send are recorded; a new one found after an ambiguous failure is ours. */
    orderExternalVetting: async (brandId: string, input: In<typeof ExternalVettingOrderRequest>, opts: BillableOptions): Promise<ExternalVetting> => {
      const body = VonageVettingOrderRequest.parse({
        evp_id: input.evpId, vetting_class: input.vettingClass ?? "STANDARD",
        ...(input.additionalRequestPayload ? { vetting_political_details: politicalPayloadToVonage(input.additionalRequestPayload) } : {}),
      });
      const matching = async () => (await listExternalVetting(brandId)).filter((v) => v.evpId?.toUpperCase() === body.evp_id.toUpperCase() && v.vettingClass === body.vetting_class.toUpperCase());
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "brand.orderExternalVetting",
        prepare: async () => ({ brandId, vettingIds: (await matching()).map((v) => v.vettingId) }),
        send: async () => vonageVettingToTcr(await http.call("POST", `/brands/${enc(brandId)}/vetting/requests`, VonageVetting, { op: "vonage.vetting.order", template: "/brands/:brand_id/vetting/requests", body })),
        lookup: async (intent) => {
          const before = new Set((intent.context as { vettingIds?: (string | null)[] } | null)?.vettingIds ?? []);
          return (await matching()).find((v) => v.vettingId && !before.has(v.vettingId)) ?? null;
        },
        objectId: (v) => v.vettingId ?? null,
      });
    },
    importExternalVetting: async (brandId: string, input: In<typeof ExternalVettingImportRequest>) =>
      vonageVettingToTcr(await http.call("PUT", `/brands/${enc(brandId)}/vetting/requests`, VonageVetting, {
        op: "vonage.vetting.import", template: "/brands/:brand_id/vetting/requests",
        body: VonageVettingImportRequest.parse({ evp_id: input.evpId, vetting_id: input.vettingId, ...(input.vettingToken ? { vetting_token: input.vettingToken } : {}) }),
      })),
    listAppealEvidence: async (brandId: string) => {
      const r = await http.call("GET", `/brands/${enc(brandId)}/appeal/evidence`, VonageEvidencePage, { op: "vonage.evidence.list", template: "/brands/:brand_id/appeal/evidence", query: { page_size: 100 } });
      return (r._embedded?.evidences ?? []).map((e) => ({ uuid: (e as { id: string }).id, fileName: (e as { file_name?: string }).file_name ?? undefined, mimeType: (e as { mime_type?: string }).mime_type ?? undefined }));
    },
    /** Evidence: ≤ 10 MB and one of Vonage's file types, checked before upload. */
    uploadAppealEvidence: async (brandId: string, file: UploadFile) => {
      const ext = file.fileName.toLowerCase().split(".").pop() ?? "";
      const size = file.data instanceof Blob ? file.data.size : file.data.byteLength;
      if (!(EVIDENCE_FILE_TYPES as readonly string[]).includes(ext)) throw new TypeError(`Vonage accepts evidence files of type ${EVIDENCE_FILE_TYPES.join(", ")}`);
      if (size > EVIDENCE_MAX_FILE_BYTES) throw new TypeError("Vonage accepts evidence files of at most 10 MB");
      const e = await http.call("POST", `/brands/${enc(brandId)}/appeal/evidence`, VonageEvidence, {
        op: "vonage.evidence.upload", template: "/brands/:brand_id/appeal/evidence", body: toFormData({}, { ...file, mimeType: file.mimeType ?? "application/octet-stream" }),
      });
      return { uuid: e.id, fileName: e.file_name ?? undefined, mimeType: e.mime_type ?? undefined };
    },
    downloadAppealEvidence: async (brandId: string, evidenceId: string) =>
      http.callBinary("GET", `/brands/${enc(brandId)}/appeal/evidence/${enc(evidenceId)}`, { op: "vonage.evidence.download", template: "/brands/:brand_id/appeal/evidence/:evidence_id" }),
    deleteAppealEvidence: async (brandId: string, evidenceId: string): Promise<void> =>
      http.callEmpty("DELETE", `/brands/${enc(brandId)}/appeal/evidence/${enc(evidenceId)}`, { op: "vonage.evidence.delete", template: "/brands/:brand_id/appeal/evidence/:evidence_id" }),
    /** OTP status needs the brand at Vonage (TCR's getSmsOtpStatus takes only the reference id). */
    getVerificationStatus: async (brandId: string, referenceId: string) => {
      const r = await http.call("GET", `/brands/${enc(brandId)}/verification/${enc(referenceId)}`, VonageVerification, { op: "vonage.brand.verification", template: "/brands/:brand_id/verification/:reference_id" });
      return {
        brandId: r.brand_id ?? brandId, referenceId: r.reference_id ?? referenceId, mobilePhone: r.mobile_phone ? `+${r.mobile_phone.replace(/^\+/, "")}` : null,
        requestDate: r.request_date ?? null, verifyDate: r.verity_date ?? null, deliveryStatus: r.delivery_status ?? null,
        deliveryStatusDate: r.delivery_status_date ?? null, deliveryStatusDetails: r.delivery_status_details ?? null,
      };
    },
    appealExternalVetting: async (brandId: string, input: In<typeof ExternalVettingAppealRequest>): Promise<void> => {
      const template = "/brands/:brand_id/vetting/requests/:vetting_id/appeal";
      const body = VonageAppealRequest.safeParse({ categories: input.appealCategories, evidence_ids: input.attachmentUuids ?? [], explanation: input.explanation ?? "" });
      // Vonage requires evidence and an explanation where TCR does not: refused at the appeal form's fields, unsent.
      if (!body.success) {
        const items = [...new Set(body.error.issues.map((i) => String(i.path[0])))].map((f) => ({ code: null, ...APPEAL_FIELD[f] ?? { field: null, description: `Vonage refuses the appeal's ${f}.` } }));
        throw new VonageApiError(422, items, { operationId: "vonage.vetting.appeal", method: "POST", path: template }, null, "invalid-parameters", "Invalid appeal");
      }
      return http.callEmpty("POST", `/brands/${enc(brandId)}/vetting/requests/${enc(input.vettingId)}/appeal`, { op: "vonage.vetting.appeal", template, body: body.data });
    },
  };

  // ── campaign builder ──
  type CreateResult = CampaignCreateResponse & Pick<VonageTcrCampaign, "tcrCampaignId" | "vonageStatus" | "trafficEnabled">;
  const toCreateResult = (v: VonageCampaign): CreateResult => {
    const c = vonageCampaignToTcr(v);
    return { campaignId: c.campaignId, mnoMetadata: c.mnoMetadata, tcrCampaignId: c.tcrCampaignId, vonageStatus: c.vonageStatus, trafficEnabled: c.trafficEnabled };
  };
  const campaignBuilder = {
    qualifyBrandUsecase: async (brandId: string, usecase: string) =>
      qualificationToTcr(await http.call("GET", `/brands/${enc(brandId)}/usecases/${enc(usecase)}`, VonageUsecaseQualification, {
        op: "vonage.brand.qualifyUsecase", template: "/brands/:brand_id/usecases/:usecase",
      })),
    getTermsAndConditions: async () => {
      const t = await http.call("GET", "/campaigns/terms_and_conditions", VonageTerms, { op: "vonage.campaign.terms", template: "/campaigns/terms_and_conditions" });
      return { subTerms: t.sub_terms };
    },
    /**
     * Create a campaign (billable). `opts.consent` (our structured consent) is sent as
     * message_flow_details; without it `input.messageFlow` is sent as the deprecated message_flow.
     * Campaigns of the brand present before the first send are recorded; after an ambiguous failure a
     * new campaign with the same use case and description is ours.
     */
    create: async (input: In<typeof CampaignBuilderCreateRequest>, opts: BillableOptions & CampaignExtras): Promise<CreateResult> => {
      const body = VonageCampaignCreateRequest.parse(campaignCreateToVonage(input, accountId, opts));
      const brandId = input.brandId;
      const matching = async () => (await brandCampaigns(brandId)).filter((c) => c.usecase === body.usecase && c.description === body.description && (body.label === undefined || c.label === body.label));
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "campaignBuilder.create",
        prepare: async () => ({ brandId, campaignIds: (await matching()).map((c) => c.campaign_id) }),
        send: async () => {
          const v = await http.call("POST", `/brands/${enc(brandId)}/campaigns`, VonageCampaign, { op: "vonage.campaign.create", template: "/brands/:brand_id/campaigns", body });
          brandOfCampaign.set(v.campaign_id, brandId);
          return toCreateResult(v);
        },
        lookup: async (intent) => {
          const before = new Set((intent.context as { campaignIds?: string[] } | null)?.campaignIds ?? []);
          const hit = (await matching()).find((c) => !before.has(c.campaign_id));
          return hit ? toCreateResult(hit) : null;
        },
        objectId: (r) => r.campaignId,
      });
    },
  };

  // ── campaigns ──
  const campaigns = {
    /** Campaigns of one brand (or of every brand of the account), filtered like TCR's search; referenceId and tag do not exist at Vonage. */
    search: async (query: In<typeof CampaignSearchQuery> = {}): Promise<Page<VonageTcrCampaign>> => {
      const q = query as Record<string, unknown>;
      const brandIds = q.brandId ? [String(q.brandId)] : (await allBrands()).map((b) => b.brand_id);
      const rows: VonageTcrCampaign[] = [];
      for (const id of brandIds) rows.push(...(await brandCampaigns(id)).map(vonageCampaignToTcr));
      const hits = rows.filter((c) =>
        (!q.status || c.status === q.status) && (!q.usecase || c.usecase === q.usecase) && (!q.vertical || c.vertical === q.vertical) &&
        (!q.resellerId || c.resellerId === q.resellerId) && (q.autoRenewal === undefined || c.autoRenewal === q.autoRenewal) && !q.referenceId && !q.tag);
      const page = Number(q.page ?? 1);
      const per = Number(q.recordsPerPage ?? 10);
      return { page, totalRecords: hits.length, records: hits.slice((page - 1) * per, page * per) };
    },
    get: async (campaignId: string): Promise<VonageTcrCampaign> => vonageCampaignToTcr(await getVonageCampaign(campaignId)),
    /** Every update of a live campaign starts a new Vonage compliance review (vonageStatus PENDING_REVIEW). */
    update: async (campaignId: string, input: In<typeof CampaignUpdateRequest>, extras: CampaignExtras = {}): Promise<VonageTcrCampaign> =>
      vonageCampaignToTcr(await http.call("PATCH", await campaignPath(campaignId), VonageCampaign, {
        op: "vonage.campaign.update", template: "/brands/:brand_id/campaigns/:campaign_id", body: VonageCampaignUpdateRequest.parse(campaignUpdateToVonage(input, extras)),
      })),
    /** PATCH status=CANCELED (Vonage's DELETE only cancels auto-renewal and is deprecated). */
    deactivate: async (campaignId: string): Promise<void> => {
      await http.call("PATCH", await campaignPath(campaignId), VonageCampaign, { op: "vonage.campaign.cancel", template: "/brands/:brand_id/campaigns/:campaign_id", body: { status: "CANCELED" } });
    },
    getMnoMetadata: async (campaignId: string): Promise<MnoMetadataMap> => mnoMetadataToTcr((await getVonageCampaign(campaignId)).mno_metadata),
    getOperationStatus: async (campaignId: string): Promise<Record<string, string>> =>
      Object.fromEntries(((await getVonageCampaign(campaignId)).mno_metadata ?? []).filter((m) => m.status).map((m) => [m.network_id, String(m.status)])),
    listPhoneNumbers: async (campaignId: string, query: In<typeof PhoneNumberQuery> = {}): Promise<Page<LinkedNumber>> => {
      const q = query as { page?: number; recordsPerPage?: number };
      const r = await http.call("GET", `${await campaignPath(campaignId)}/numbers`, VonageNumberPage, {
        op: "vonage.number.list", template: "/brands/:brand_id/campaigns/:campaign_id/numbers", query: { page: q.page ?? 1, page_size: q.recordsPerPage ?? 10 },
      });
      return { page: r.page ?? 1, totalRecords: r.total_items ?? 0, records: ((r._embedded?.numbers ?? []) as VNumber[]).map(toLinked) };
    },
    /** Resubmit to MNOs (billable); after an ambiguous failure, done when every requested MNO is in the campaign's metadata. */
    resubmit: async (campaignId: string, input: In<typeof ResubmitRequest>, opts: BillableOptions) => {
      const mnoIds = input.mnoIds.map(String);
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "campaign.resubmit",
        send: async () => {
          const r = await http.call("PUT", `${await campaignPath(campaignId)}/resubmit`, VonageResubmitResponse, {
            op: "vonage.campaign.resubmit", template: "/brands/:brand_id/campaigns/:campaign_id/resubmit", body: { mno_ids: mnoIds },
          });
          return { campaignId, mnoMetadata: mnoMetadataToTcr(r.mno_metadata) };
        },
        lookup: async () => {
          const meta = mnoMetadataToTcr((await getVonageCampaign(campaignId)).mno_metadata);
          return mnoIds.every((m) => m in meta) ? { campaignId, mnoMetadata: meta } : null;
        },
        objectId: (r) => r.campaignId,
      });
    },
  };

  return {
    http,
    brands,
    campaignBuilder,
    campaigns,
    fees: VONAGE_FEES,
    /** The message_flow Vonage would compute from this consent (422 outside 40–4096 characters). */
    previewMessageFlow: async (input: Consent | (VonageMessageFlowDetails & { opt_in_keywords?: string })): Promise<string> => {
      let body: In<typeof VonageMessageFlowPreviewRequest>;
      if (isConsent(input)) {
        const { details, optInKeywords } = consentToMessageFlowDetails(input);
        body = { ...details, ...(optInKeywords ? { opt_in_keywords: optInKeywords } : {}) };
      } else body = input;
      const r = await http.call("POST", "/campaigns/message_flow", VonageMessageFlowPreview, {
        op: "vonage.campaign.previewMessageFlow", template: "/campaigns/message_flow", body: VonageMessageFlowPreviewRequest.parse(body),
      });
      return r.message_flow;
    },
    /** Links a Vonage number (E.164 with or without "+") to a campaign; it starts LINKING. */
    linkNumber: async (campaignId: string, phoneNumber: string, country = "US"): Promise<LinkedNumber> =>
      toLinked(await http.call("POST", `${await campaignPath(campaignId)}/numbers`, VonageNumber, {
        op: "vonage.number.link", template: "/brands/:brand_id/campaigns/:campaign_id/numbers",
        body: VonageNumberLinkRequest.parse({ country, number: phoneNumber.replace(/^\+/, "") }),
      })),
    listNumbers: async (campaignId: string): Promise<LinkedNumber[]> => {
      const path = `${await campaignPath(campaignId)}/numbers`;
      const all = await listAll(async (page) => {
        const r = await http.call("GET", path, VonageNumberPage, { op: "vonage.number.list", template: "/brands/:brand_id/campaigns/:campaign_id/numbers", query: { page, page_size: 100 } });
        return { items: (r._embedded?.numbers ?? []) as VNumber[], totalPages: r.total_pages ?? 1 };
      });
      return all.map(toLinked);
    },
    getNumber: async (campaignId: string, phoneNumber: string): Promise<LinkedNumber> =>
      toLinked(await http.call("GET", `${await campaignPath(campaignId)}/numbers/${enc(phoneNumber.replace(/^\+/, ""))}`, VonageNumber, {
        op: "vonage.number.get", template: "/brands/:brand_id/campaigns/:campaign_id/numbers/:number",
      })),
    unlinkNumber: async (campaignId: string, phoneNumber: string): Promise<void> =>
      http.callEmpty("DELETE", `${await campaignPath(campaignId)}/numbers/${enc(phoneNumber.replace(/^\+/, ""))}`, {
        op: "vonage.number.unlink", template: "/brands/:brand_id/campaigns/:campaign_id/numbers/:number",
      }),
    /** Imports a campaign a partner registered directly on TCR and shared with Vonage (TCR campaign id). */
    importPartnerCampaign: async (tcrCampaignId: string, opts: { label?: string; cnpMigration?: boolean } = {}) => {
      const r = await http.call("POST", "/partnercampaigns/import", VonagePartnerCampaign, {
        op: "vonage.partnerCampaign.import", template: "/partnercampaigns/import",
        body: VonagePartnerImportRequest.parse({ account_id: accountId, campaign_id: tcrCampaignId, ...(opts.label ? { label: opts.label } : {}), ...(opts.cnpMigration !== undefined ? { cnp_migration: opts.cnpMigration } : {}) }),
      });
      return { brandId: r.brand_id ?? null, campaignId: r.campaign_id ?? null, sharingStatus: r.sharing_status ?? null, downstreamCnpId: r.downstream_cnp_id ?? null, upstreamCnpId: r.upstream_cnp_id ?? null };
    },
    getPartnerCampaign: async (campaignId: string) => {
      const r = await http.call("GET", `/partnercampaigns/${enc(campaignId)}`, VonagePartnerCampaign, { op: "vonage.partnerCampaign.get", template: "/partnercampaigns/:campaign_id" });
      return { campaignId: r.campaign_id ?? campaignId, sharingStatus: r.sharing_status ?? null, downstreamCnpId: r.downstream_cnp_id ?? null, upstreamCnpId: r.upstream_cnp_id ?? null };
    },
    /** Account settings (primary account): opt-out assist can only be switched on through the API. */
    getAccount: async () => ({ optOutAssist: (await http.call("GET", "/account", VonageAccount, { op: "vonage.account.get", template: "/account" })).opt_out_assist ?? false }),
    updateAccount: async (input: { optOutAssist: boolean }): Promise<void> =>
      http.callEmpty("PATCH", "/account", { op: "vonage.account.update", template: "/account", body: VonageAccountUpdateRequest.parse({ opt_out_assist: input.optOutAssist }) }),
    enums: async () => http.call("GET", "/enum", VonageEnums, { op: "vonage.enum", template: "/enum" }),
    /** Resellers: registered for review (PENDING → APPROVED with a TCR reseller id, or REJECTED). Phone in our "+" form. */
    registerReseller: async (input: { companyName: string; phone: string; email: string }) =>
      resellerOut(await http.call("POST", "/resellers", VonageReseller, {
        op: "vonage.reseller.create", template: "/resellers",
        body: VonageResellerRequest.parse({ company_name: input.companyName, phone: input.phone.replace(/^\+/, ""), email: input.email }),
      })),
    getReseller: async (id: string) => resellerOut(await http.call("GET", `/resellers/${enc(id)}`, VonageReseller, { op: "vonage.reseller.get", template: "/resellers/:reseller_id" })),
    listResellers: async () => {
      const out: ReturnType<typeof resellerOut>[] = [];
      let token: string | undefined = undefined;
      for (let i = 0; i < 1000; i++) {
        const r: z.output<typeof VonageResellerPage> = await http.call("GET", "/resellers", VonageResellerPage, { op: "vonage.reseller.list", template: "/resellers", query: { page_size: 100, page_token: token } });
        out.push(...((r._embedded?.resellers ?? []) as z.output<typeof VonageReseller>[]).map(resellerOut));
        if (!r.next_page || r.next_page === token) break;
        token = r.next_page;
      }
      return out;
    },
    /** Throughput applied per carrier to a campaign (all token pages). */
    throughputs: async (campaignId: string): Promise<Throughput[]> => {
      const out: Throughput[] = [];
      let token: string | undefined = undefined;
      for (let i = 0; i < 1000; i++) {
        const r: z.output<typeof VonageThroughputPage> = await http.call("GET", "/throughputs", VonageThroughputPage, {
          op: "vonage.throughput.list", template: "/throughputs", query: { campaign_id: campaignId, page_size: 100, page_token: token },
        });
        out.push(...((r._embedded?.throughputs ?? []) as VonageThroughput[]).map(toThroughput));
        if (!r.next_page || r.next_page === token) break;
        token = r.next_page;
      }
      return out;
    },
  };
}
export type VonageClient = ReturnType<typeof createVonageClient>;
