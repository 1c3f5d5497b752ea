import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Sandbox } from "@/sandbox/server";
import { DAY, HOUR, KEY, MIN, SECRET, startSandbox } from "@/sandbox/testing/helpers";
import { extractVonageSamples, type ReferenceSample } from "./referenceSamples";
import * as S from "./schemas";

/**
 * The sample walk: every request and response JSON sample of the Vonage reference, extracted from the
 * document (not copied), (1) parses in the adapter's schema for its endpoint, and (2) for requests,
 * is sent to the sandbox's Vonage profile in a realistic order; the sandbox must accept it and its
 * answer must parse in the same response schema. Samples that break the reference's own written
 * rules (e.g. a 18-character description where 40–4096 is required) are listed in SAMPLE_DEFECTS:
 * the sandbox (and, where the schema encodes the rule, the adapter) must reject exactly those
 * fields, and the sample with only those fields corrected must then be accepted.
 */
// A verbatim copy travels with the repository (CI's clean clone has no ../shared); the shared copy is checked too.
const CANDIDATES = [
  process.env.VONAGE_REFERENCE_FILE,
  resolve(process.cwd(), "lib/providers/vonage/fixtures/vonage-10dlc-api.txt"),
  resolve(process.cwd(), "../shared/reference/vonage-10dlc-api.txt"),
  resolve(process.cwd(), "../../shared/reference/vonage-10dlc-api.txt"),
].filter((p): p is string => Boolean(p));
const referenceFile = CANDIDATES.find((p) => existsSync(p));
if (!referenceFile) throw new Error(`Vonage reference not found; looked at ${CANDIDATES.join(", ")} (set VONAGE_REFERENCE_FILE)`);
const extracted = extractVonageSamples(readFileSync(referenceFile, "utf8"));

const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  "GET /enum": S.VonageEnums,
  "GET /account": S.VonageAccount,
  "GET /brands": S.VonageBrandPage,
  "POST /brands": S.VonageBrand,
  "GET /brands/:brand_id": S.VonageBrand,
  "PATCH /brands/:brand_id": S.VonageBrand,
  "GET /brands/:brand_id/feedback": S.VonageFeedback,
  "GET /brands/:brand_id/usecases/:usecase": S.VonageUsecaseQualification,
  "POST /brands/:brand_id/start_verification": S.VonageStartVerificationResponse,
  "GET /brands/:brand_id/verification/:reference_id": S.VonageVerification,
  "GET /brands/:brand_id/vetting/requests": S.VonageVettingList,
  "POST /brands/:brand_id/vetting/requests": S.VonageVetting,
  "PUT /brands/:brand_id/vetting/requests": S.VonageVetting,
  "POST /brands/:brand_id/revet": S.VonageBrand,
  "GET /brands/:brand_id/appeal/evidence": S.VonageEvidencePage,
  "POST /brands/:brand_id/appeal/evidence": S.VonageEvidence,
  "GET /brands/:brand_id/campaigns": S.VonageCampaignPage,
  "POST /brands/:brand_id/campaigns": S.VonageCampaign,
  "POST /campaigns/message_flow": S.VonageMessageFlowPreview,
  "GET /brands/:brand_id/campaigns/:campaign_id": S.VonageCampaign,
  "PATCH /brands/:brand_id/campaigns/:campaign_id": S.VonageCampaign,
  "PUT /brands/:brand_id/campaigns/:campaign_id/resubmit": S.VonageResubmitResponse,
  "GET /campaigns/terms_and_conditions": S.VonageTerms,
  "POST /partnercampaigns/import": S.VonagePartnerCampaign,
  "GET /partnercampaigns/:campaign_id": S.VonagePartnerCampaign,
  "GET /throughputs": S.VonageThroughputPage,
  "GET /brands/:brand_id/campaigns/:campaign_id/numbers": S.VonageNumberPage,
  "POST /brands/:brand_id/campaigns/:campaign_id/numbers": S.VonageNumber,
  "GET /brands/:brand_id/campaigns/:campaign_id/numbers/:number": S.VonageNumber,
  "POST /resellers": S.VonageReseller,
  "GET /resellers": S.VonageResellerPage,
  "GET /resellers/:reseller_id": S.VonageReseller,
};
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  "PATCH /account": S.VonageAccountUpdateRequest,
  "POST /brands": S.VonageBrandCreateRequest,
  "PATCH /brands/:brand_id": S.VonageBrandUpdateRequest,
  "POST /brands/:brand_id/start_verification": S.VonageStartVerificationRequest,
  "POST /brands/:brand_id/verify": S.VonageVerifyRequest,
  "POST /brands/:brand_id/vetting/requests": S.VonageVettingOrderRequest,
  "PUT /brands/:brand_id/vetting/requests": S.VonageVettingImportRequest,
  "POST /brands/:brand_id/vetting/requests/:vetting_id/appeal": S.VonageAppealRequest,
  "POST /brands/:brand_id/campaigns": S.VonageCampaignCreateRequest,
  "POST /campaigns/message_flow": S.VonageMessageFlowPreviewRequest,
  "PATCH /brands/:brand_id/campaigns/:campaign_id": S.VonageCampaignUpdateRequest,
  "PUT /brands/:brand_id/campaigns/:campaign_id/resubmit": S.VonageResubmitRequest,
  "POST /partnercampaigns/import": S.VonagePartnerImportRequest,
  "POST /brands/:brand_id/campaigns/:campaign_id/numbers": S.VonageNumberLinkRequest,
  "POST /resellers": S.VonageResellerRequest,
};

type Json = Record<string, unknown>;
/** Reference samples that violate the reference's own rules: the fields rejected and the correction. */
const SAMPLE_DEFECTS: Record<string, { why: string; sandboxRejects: string[]; schemaRejects: string[]; fix: (s: Json, ctx: WalkState) => Json }> = {
  "POST /brands/:brand_id/campaigns": {
    why: "description 'User notifications' is 18 characters (40–4096 required) and both message_flow and message_flow_details are sent (mutually exclusive)",
    sandboxRejects: ["description", "message_flow"], schemaRejects: ["description", "message_flow"],
    fix: (s) => ({ ...withoutKey(s, "message_flow"), description: `${String(s.description)} about appointments, orders and payments` }),
  },
  "PATCH /brands/:brand_id/campaigns/:campaign_id": {
    why: "the same 18-character description and both message_flow and message_flow_details",
    sandboxRejects: ["description", "message_flow"], schemaRejects: ["description", "message_flow"],
    fix: (s) => ({ ...withoutKey(s, "message_flow"), description: `${String(s.description)} about appointments, orders and payments` }),
  },
  "POST /brands/:brand_id/vetting/requests": {
    why: "evp_id and vetting_class are placeholders ('abcd123'), not Aegis/CV/WMC and a vetting_class of /enum",
    sandboxRejects: ["evp_id", "vetting_class"], schemaRejects: [],
    fix: (s) => ({ ...s, evp_id: "Aegis", vetting_class: "STANDARD" }),
  },
  "PUT /brands/:brand_id/vetting/requests": {
    why: "evp_id is a placeholder ('abcd123')", sandboxRejects: ["evp_id"], schemaRejects: [],
    fix: (s) => ({ ...s, evp_id: "Aegis" }),
  },
  "POST /brands/:brand_id/vetting/requests/:vetting_id/appeal": {
    why: "categories and evidence_ids are placeholders ('string')", sandboxRejects: ["categories"], schemaRejects: [],
    fix: (s, ctx) => ({ ...s, categories: ["LOW_SCORE"], evidence_ids: [ctx.evidenceId] }),
  },
  "POST /brands/:brand_id/verify": {
    why: "otp_pin is the placeholder 'string', not the PIN that was sent", sandboxRejects: ["otp_pin"], schemaRejects: [],
    fix: (s) => ({ ...s, otp_pin: "123456" }),
  },
};
function withoutKey(o: Json, k: string): Json {
  const { [k]: _drop, ...rest } = o;
  return rest;
}

interface WalkState {
  brandId: string;
  spBrandId: string;
  vettingId: string;
  evidenceId: string;
  campaignId: string;
  referenceId: string;
  resellerId: string;
}

const samplesOf = (kind: ReferenceSample["kind"]) => extracted.samples.filter((s) => s.kind === kind);
const issuesAt = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0] ?? "")))].sort());

describe("reference samples parse in the adapter's schemas", () => {
  it("finds the document's endpoints and samples", () => {
    expect(extracted.endpoints).toHaveLength(40);
    expect(samplesOf("response").length).toBeGreaterThanOrEqual(30);
    expect(samplesOf("request").length).toBeGreaterThanOrEqual(15);
  });
  for (const s of samplesOf("response")) {
    it(`response of ${s.endpoint} (line ${s.line})`, () => {
      const schema = RESPONSE_SCHEMAS[s.endpoint];
      expect(schema, `no response schema for ${s.endpoint}`).toBeDefined();
      const r = schema!.safeParse(s.json);
      expect(r.success, r.success ? "" : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
    });
  }
  for (const s of samplesOf("request")) {
    it(`request of ${s.endpoint} (line ${s.line})`, () => {
      const schema = REQUEST_SCHEMAS[s.endpoint];
      expect(schema, `no request schema for ${s.endpoint}`).toBeDefined();
      const defect = SAMPLE_DEFECTS[s.endpoint];
      expect(issuesAt(schema!.safeParse(s.json))).toEqual(defect?.schemaRejects ?? []);
    });
  }
});

describe("request samples are accepted by the sandbox's Vonage profile", () => {
  let sb: Sandbox;
  const st = {} as WalkState;
  const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${sb.url}/v1/10dlc${path}`, {
      method, headers: { authorization: basic, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const sample = (endpoint: string) => {
    const s = samplesOf("request").find((x) => x.endpoint === endpoint);
    if (!s) throw new Error(`no request sample for ${endpoint}`);
    return s.json as Json;
  };
  /** Sends the sample (corrected when it has a documented defect) and checks the answer. */
  const send = async (endpoint: string, path: string, okStatus: number) => {
    const raw = sample(endpoint);
    const method = endpoint.split(" ")[0]!;
    const defect = SAMPLE_DEFECTS[endpoint];
    let body = raw;
    if (defect) {
      const bad = await call(method, path, raw);
      expect(bad.status, defect.why).toBe(422);
      expect([...new Set((bad.body.invalid_parameters as { name: string }[]).map((p) => p.name))].sort()).toEqual(defect.sandboxRejects);
      body = defect.fix(raw, st);
    }
    const r = await call(method, path, body);
    expect(r.status, JSON.stringify(r.body)).toBe(okStatus);
    const schema = RESPONSE_SCHEMAS[endpoint];
    if (schema && okStatus !== 204) expect(schema.safeParse(r.body).success, JSON.stringify(r.body).slice(0, 300)).toBe(true);
    return r.body as Json;
  };
  const get = async (endpoint: string, path: string) => {
    const r = await call("GET", path);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(RESPONSE_SCHEMAS[endpoint]!.safeParse(r.body).success).toBe(true);
    return r.body as Json;
  };

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });

  it("every one of the reference's 40 endpoints is served (no 'No such operation' / 405)", async () => {
    for (const e of extracted.endpoints) {
      const [method, template] = e.split(" ") as [string, string];
      const path = template.replace(/:[a-z_]+/g, "X1");
      const r = await call(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(r.status === 405 || String(r.body?.detail ?? "").startsWith("No such operation"), `${e} → ${r.status} ${JSON.stringify(r.body)}`).toBe(false);
    }
  });

  it("every request sample's endpoint is walked below", () => {
    const walked = new Set([
      "POST /resellers", "PATCH /account", "POST /brands", "PATCH /brands/:brand_id", "POST /brands/:brand_id/start_verification",
      "POST /brands/:brand_id/verify", "POST /brands/:brand_id/vetting/requests", "PUT /brands/:brand_id/vetting/requests",
      "POST /brands/:brand_id/vetting/requests/:vetting_id/appeal", "POST /campaigns/message_flow", "POST /brands/:brand_id/campaigns",
      "POST /brands/:brand_id/campaigns/:campaign_id/numbers", "PUT /brands/:brand_id/campaigns/:campaign_id/resubmit",
      "PATCH /brands/:brand_id/campaigns/:campaign_id", "POST /partnercampaigns/import",
    ]);
    for (const s of samplesOf("request")) expect(walked.has(s.endpoint), s.endpoint).toBe(true);
  });

  it("POST /resellers, then it is approved", async () => {
    const r = await send("POST /resellers", "/resellers", 200);
    st.resellerId = String(r.id);
    await sb.clock.advance(DAY);
    expect((await get("GET /resellers/:reseller_id", `/resellers/${st.resellerId}`)).status).toBe("APPROVED");
    await get("GET /resellers", "/resellers");
  });

  it("PATCH /account", async () => {
    await send("PATCH /account", "/account", 204);
    expect((await get("GET /account", "/account")).opt_out_assist).toBe(true);
  });

  it("POST /brands (a PUBLIC_PROFIT reseller brand), PATCH, reads", async () => {
    const b = await send("POST /brands", "/brands", 200);
    st.brandId = String(b.brand_id);
    await send("PATCH /brands/:brand_id", `/brands/${st.brandId}`, 200);
    await get("GET /brands", "/brands");
    await get("GET /brands/:brand_id", `/brands/${st.brandId}`);
    await sb.clock.advance(2 * MIN);
    await get("GET /brands/:brand_id/feedback", `/brands/${st.brandId}/feedback`);
  });

  it("POST start_verification (Auth+ email for PUBLIC_PROFIT) and, for a sole proprietor, the SMS OTP and verify", async () => {
    await send("POST /brands/:brand_id/start_verification", `/brands/${st.brandId}/start_verification`, 200);
    const sp = await call("POST", "/brands", {
      account_id: KEY, entity_type: "SOLE_PROPRIETOR", first_name: "John", last_name: "Smith", display_name: "John Smith", phone: "15556660001",
      mobile_phone: "15556660002", street: "23 Main Street", city: "Holmdel", state: "NJ", postal_code: "07733", country: "US", email: "john@smith.example",
    });
    expect(sp.status).toBe(200);
    st.spBrandId = String(sp.body.brand_id);
    const v = await send("POST /brands/:brand_id/start_verification", `/brands/${st.spBrandId}/start_verification`, 200);
    st.referenceId = String(v.reference_id);
    await send("POST /brands/:brand_id/verify", `/brands/${st.spBrandId}/verify`, 204);
    expect((await get("GET /brands/:brand_id/verification/:reference_id", `/brands/${st.spBrandId}/verification/${st.referenceId}`)).verity_date).toBeTruthy();
    await sb.clock.advance(2 * HOUR); // Auth+ completes
  });

  it("vetting: order, import, list; usecase qualification", async () => {
    const v = await send("POST /brands/:brand_id/vetting/requests", `/brands/${st.brandId}/vetting/requests`, 200);
    st.vettingId = String(v.vetting_id);
    await send("PUT /brands/:brand_id/vetting/requests", `/brands/${st.brandId}/vetting/requests`, 200);
    await sb.clock.advance(15 * MIN);
    const list = (await get("GET /brands/:brand_id/vetting/requests", `/brands/${st.brandId}/vetting/requests`)) as unknown as { vetting_status: string }[];
    expect(list.map((x) => x.vetting_status)).toContain("ACTIVE");
    const q = await get("GET /brands/:brand_id/usecases/:usecase", `/brands/${st.brandId}/usecases/ACCOUNT_NOTIFICATION`);
    expect((q.mno_metadata as { qualify: boolean }[]).some((m) => m.qualify)).toBe(true);
    await get("GET /enum", "/enum");
  });

  it("evidence upload, list, and the vetting appeal", async () => {
    const form = new FormData();
    form.append("file", new Blob(["Our tax registration"], { type: "text/plain" }), "tax_registration.txt");
    const res = await fetch(`${sb.url}/v1/10dlc/brands/${st.brandId}/appeal/evidence`, { method: "POST", headers: { authorization: basic }, body: form });
    const ev = (await res.json()) as Json;
    expect(RESPONSE_SCHEMAS["POST /brands/:brand_id/appeal/evidence"]!.safeParse(ev).success).toBe(true);
    st.evidenceId = String(ev.id);
    await get("GET /brands/:brand_id/appeal/evidence", `/brands/${st.brandId}/appeal/evidence`);
    await send("POST /brands/:brand_id/vetting/requests/:vetting_id/appeal", `/brands/${st.brandId}/vetting/requests/${st.vettingId}/appeal`, 204);
  });

  it("message-flow preview, campaign create, reads, terms", async () => {
    await send("POST /campaigns/message_flow", "/campaigns/message_flow", 200);
    const c = await send("POST /brands/:brand_id/campaigns", `/brands/${st.brandId}/campaigns`, 200);
    st.campaignId = String(c.campaign_id);
    expect(c.status).toBe("PENDING_REVIEW");
    await get("GET /brands/:brand_id/campaigns", `/brands/${st.brandId}/campaigns`);
    await get("GET /campaigns/terms_and_conditions", "/campaigns/terms_and_conditions");
    await sb.clock.advance(HOUR + DAY);
    expect((await get("GET /brands/:brand_id/campaigns/:campaign_id", `/brands/${st.brandId}/campaigns/${st.campaignId}`)).status).toBe("ACTIVE");
  });

  it("number link, resubmit, throughputs", async () => {
    const n = await send("POST /brands/:brand_id/campaigns/:campaign_id/numbers", `/brands/${st.brandId}/campaigns/${st.campaignId}/numbers`, 202);
    expect(n.status).toBe("LINKING");
    await sb.clock.advance(MIN);
    await get("GET /brands/:brand_id/campaigns/:campaign_id/numbers", `/brands/${st.brandId}/campaigns/${st.campaignId}/numbers`);
    expect((await get("GET /brands/:brand_id/campaigns/:campaign_id/numbers/:number", `/brands/${st.brandId}/campaigns/${st.campaignId}/numbers/${String(n.number)}`)).status).toBe("LINKED");
    await send("PUT /brands/:brand_id/campaigns/:campaign_id/resubmit", `/brands/${st.brandId}/campaigns/${st.campaignId}/resubmit`, 200);
    const tp = await get("GET /throughputs", `/throughputs?campaign_id=${st.campaignId}`);
    expect((tp._embedded as { throughputs: unknown[] }).throughputs.length).toBeGreaterThan(0);
  });

  it("PATCH campaign (the sample cancels it)", async () => {
    const c = await send("PATCH /brands/:brand_id/campaigns/:campaign_id", `/brands/${st.brandId}/campaigns/${st.campaignId}`, 200);
    expect(c).toMatchObject({ status: "CANCELED", traffic_enabled: false });
  });

  it("partner-campaign import (the sample's TCR campaign id is replaced by one shared with the sandbox), then its sharing status", async () => {
    const [tcrId] = sb.control.receivePartnerShares(1);
    const r = await call("POST", "/partnercampaigns/import", { ...sample("POST /partnercampaigns/import"), campaign_id: tcrId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(RESPONSE_SCHEMAS["POST /partnercampaigns/import"]!.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ sharing_status: "PENDING", campaign_id: expect.stringMatching(/^VC/) });
    await sb.clock.advance(DAY);
    expect((await get("GET /partnercampaigns/:campaign_id", `/partnercampaigns/${String(r.body.campaign_id)}`)).sharing_status).toBe("ACCEPTED");
  });

  it("revet (no request body)", async () => {
    const r = await call("POST", `/brands/${st.brandId}/revet`);
    expect(r.status).toBe(200);
    expect(RESPONSE_SCHEMAS["POST /brands/:brand_id/revet"]!.safeParse(r.body).success).toBe(true);
  });

});
