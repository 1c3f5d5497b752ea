import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../server";
import { DAY, HOUR, KEY, MIN, SECRET, startSandbox } from "../../testing/helpers";

/** The Vonage profile (/v1/10dlc) over HTTP: auth, brands, vetting, qualification, campaigns and their review, numbers, throughputs. */
let sb: Sandbox;
const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function v<T = any>(method: string, path: string, body?: unknown, auth = basic): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sb.url}/v1/10dlc${path}`, {
    method,
    headers: { authorization: auth, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export function vonageBrandBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_id: KEY, entity_type: "PRIVATE_PROFIT", display_name: "ABC Mobile", company_name: "ABC Mobile Inc.", ein: "111111175",
    phone: "12024567890", street: "123 6th Ave", city: "New York", state: "NY", postal_code: "10001", country: "US",
    email: "john.doe@abcmobile.com", vertical: "RETAIL", website: "https://abcmobile.com", ...over,
  };
}

export function vonageCampaignBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_id: KEY, usecase: "ACCOUNT_NOTIFICATION", description: "Account alerts for ABC Mobile customers about billing and service changes.",
    sample_one: "ABC Mobile: your bill of $20 is due on the 5th. Reply STOP to opt out.",
    sample_two: "ABC Mobile: your plan changes on the 1st. Reply HELP for help, STOP to opt out.",
    message_flow_details: {
      brand_name: "ABC Mobile",
      consent_mechanisms: [{ method: "ONLINE_FORM", details: "Customers tick an unchecked box on the account page.", attachment: "https://abcmobile.com/optin.png" }],
      pricing_disclosure: true, frequency: "RECURRING", privacy_policy: "https://abcmobile.com/privacy", terms_and_conditions: "https://abcmobile.com/terms",
    },
    help_message: "ABC Mobile: help at support@abcmobile.com. Reply STOP to opt out.",
    opt_in_message: "ABC Mobile: you will receive account alerts. Reply STOP to opt out.",
    opt_out_message: "ABC Mobile: you are unsubscribed and will receive no further messages.",
    tc_agreed: true, label: "Account alerts", ...over,
  };
}

/** A brand with an ACTIVE standard vet (Vonage requires one for ACCOUNT_NOTIFICATION). */
async function vettedBrand(over: Record<string, unknown> = {}): Promise<string> {
  const b = await v("POST", "/brands", vonageBrandBody(over));
  expect(b.status).toBe(200);
  await sb.clock.advance(2 * MIN);
  const vet = await v("POST", `/brands/${b.body.brand_id}/vetting/requests`, { evp_id: "Aegis", vetting_class: "STANDARD" });
  expect(vet.status).toBe(200);
  await sb.clock.advance(15 * MIN);
  return b.body.brand_id as string;
}

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.reset();
});

describe("auth and errors", () => {
  it("answers 401 in Vonage's shape without Basic credentials, and with Bearer", async () => {
    for (const auth of ["", `Bearer ${KEY}`, `Basic ${Buffer.from(`${KEY}:wrong`).toString("base64")}`]) {
      const r = await v("GET", "/brands", undefined, auth);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ title: "Unauthorized", type: expect.stringContaining("unauthorized") });
    }
  });
  it("reports every invalid field by its snake_case name", async () => {
    const r = await v("POST", "/brands", vonageBrandBody({ phone: "+12024567890", ein: undefined, postal_code: "ABC", stock_exchange: "JPX" }));
    expect(r.status).toBe(422);
    expect(r.body.type).toContain("#brand-parameters");
    const names = (r.body.invalid_parameters as { name: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(["ein", "phone", "postal_code", "stock_exchange"]);
  });
  it("answers invalid-json for an unreadable body", async () => {
    const res = await fetch(`${sb.url}/v1/10dlc/brands`, { method: "POST", headers: { authorization: basic, "content-type": "application/json" }, body: "{" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { type: string }).type).toContain("#invalid-json");
  });
});

describe("brands", () => {
  it("creates a brand in the shared store, lists it in HAL pages, patches and deletes it", async () => {
    const c = await v("POST", "/brands", vonageBrandBody());
    expect(c.body).toMatchObject({ account_id: KEY, phone: "12024567890", brand_relationship: "BASIC_ACCOUNT", status: "ACTIVE", reseller: false });
    const id = c.body.brand_id as string;
    expect(sb.store.data.brands[id]?.phone).toBe("+12024567890");
    for (let i = 0; i < 2; i++) await v("POST", "/brands", vonageBrandBody({ display_name: `Other ${i}` }));
    const page = await v("GET", "/brands?page=2&page_size=2");
    expect(page.body).toMatchObject({ page: 2, page_size: 2, total_items: 3, total_pages: 2 });
    expect(page.body._embedded.brands).toHaveLength(1);
    expect(page.body._links.previous.href).toContain("page=1");
    const p = await v("PATCH", `/brands/${id}`, { display_name: "ABC Mobile Two", mobile_phone: "12025550123" });
    expect(p.body).toMatchObject({ display_name: "ABC Mobile Two", mobile_phone: "12025550123" });
    expect((await v("DELETE", `/brands/${id}`)).status).toBe(204);
    const gone = await v("GET", `/brands/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toBe("502 - Brand not found");
    expect((await v("GET", "/brands?status=DELETED")).body.total_items).toBe(1);
  });
  it("feedback is 422 while identity is pending, then lists the categories of an unverified brand", async () => {
    const c = await v("POST", "/brands", vonageBrandBody({ ein: "111110000" }));
    expect((await v("GET", `/brands/${c.body.brand_id}/feedback`)).status).toBe(422);
    await sb.clock.advance(2 * MIN);
    const f = await v("GET", `/brands/${c.body.brand_id}/feedback`);
    expect(f.body.categories[0]).toMatchObject({ name: "TAX_ID", fields: expect.arrayContaining(["ein", "company_name"]) });
  });
  it("locks ein after a successful vet and allows one revet", async () => {
    const id = await vettedBrand();
    const p = await v("PATCH", `/brands/${id}`, { ein: "111111176" });
    expect(p.status).toBe(409);
    expect((await v("POST", `/brands/${id}/revet`)).status).toBe(200);
    expect((await v("POST", `/brands/${id}/revet`)).status).toBe(409);
  });
});

describe("qualification and campaigns", () => {
  it("an unvetted brand qualifies for LOW_VOLUME but not ACCOUNT_NOTIFICATION; a vetted one does", async () => {
    const b = await v("POST", "/brands", vonageBrandBody());
    await sb.clock.advance(2 * MIN);
    const an = await v("GET", `/brands/${b.body.brand_id}/usecases/ACCOUNT_NOTIFICATION`);
    expect(an.body.mno_metadata.every((m: { qualify: boolean }) => !m.qualify)).toBe(true);
    const lv = await v("GET", `/brands/${b.body.brand_id}/usecases/LOW_VOLUME`);
    expect(lv.body.mno_metadata.some((m: { qualify: boolean }) => m.qualify)).toBe(true);
    const denied = await v("POST", `/brands/${b.body.brand_id}/campaigns`, vonageCampaignBody());
    expect(denied.status).toBe(409);
    expect(denied.body.type).toContain("#brand-not-qualified");
    expect((await v("GET", `/brands/${b.body.brand_id}/usecases/NOPE`)).status).toBe(422);
  });

  it("walks PENDING_REVIEW → CARRIERS_REVIEW → ACTIVE, links a number, shows throughputs, re-reviews on update, cancels", async () => {
    const brandId = await vettedBrand();
    const c = await v("POST", `/brands/${brandId}/campaigns`, vonageCampaignBody());
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: "PENDING_REVIEW", traffic_enabled: false, tcr_campaign_id: null, reseller_id: "R000000", tcr_status: "UNKNOWN" });
    expect(c.body.message_flow).toContain("Brand: ABC Mobile \\\nConsent mechanisms:");
    const id = c.body.campaign_id as string;
    expect(id).toMatch(/^VC[A-Z0-9]{6}$/);
    await sb.clock.advance(HOUR);
    const cr = await v("GET", `/brands/${brandId}/campaigns/${id}`);
    expect(cr.body.status).toBe("CARRIERS_REVIEW");
    expect(sb.store.data.campaigns[cr.body.tcr_campaign_id]).toBeDefined();
    const early = await v("POST", `/brands/${brandId}/campaigns/${id}/numbers`, { country: "US", number: "14155550110" });
    expect(early.status).toBe(202);
    await sb.clock.advance(MIN);
    expect((await v("GET", `/brands/${brandId}/campaigns/${id}/numbers/14155550110`)).body.status).toBe("REJECTED");
    await sb.clock.advance(DAY);
    const act = await v("GET", `/brands/${brandId}/campaigns/${id}`);
    expect(act.body).toMatchObject({ status: "ACTIVE", traffic_enabled: true, tcr_status: "ACTIVE" });
    expect(act.body.last_status_changes.map((s: { status: string }) => s.status)).toEqual(["ACTIVE", "CARRIERS_REVIEW", "PENDING_REVIEW"]);
    const link = await v("POST", `/brands/${brandId}/campaigns/${id}/numbers`, { country: "US", number: "14155550111" });
    expect(link.body.status).toBe("LINKING");
    await sb.clock.advance(MIN);
    expect((await v("GET", `/brands/${brandId}/campaigns/${id}/numbers`)).body._embedded.numbers.map((n: { status: string }) => n.status)).toContain("LINKED");
    const tp = await v("GET", `/throughputs?campaign_id=${id}`);
    expect(tp.body._embedded.throughputs.map((t: { period: string }) => t.period).sort()).toEqual(["day", "minute"]);
    const upd = await v("PATCH", `/brands/${brandId}/campaigns/${id}`, { sample_one: "ABC Mobile: your bill of $25 is due on the 7th. Reply STOP to opt out." });
    expect(upd.body).toMatchObject({ status: "PENDING_REVIEW", traffic_enabled: true });
    const locked = await v("PATCH", `/brands/${brandId}/campaigns/${id}`, { usecase: "MARKETING" });
    expect(locked.status).toBe(422);
    await sb.clock.advance(HOUR + DAY);
    expect((await v("GET", `/brands/${brandId}/campaigns/${id}`)).body.status).toBe("ACTIVE");
    const cancel = await v("PATCH", `/brands/${brandId}/campaigns/${id}`, { status: "CANCELED" });
    expect(cancel.body).toMatchObject({ status: "CANCELED", traffic_enabled: false });
    expect((await v("PATCH", `/brands/${brandId}/campaigns/${id}`, { label: "x" })).status).toBe(409);
  });

  it("UPDATES_REQUIRED then an update sends the campaign back to review", async () => {
    const brandId = await vettedBrand();
    const c = await v("POST", `/brands/${brandId}/campaigns`, vonageCampaignBody({ description: "UPDATES-REQUIRED account alerts for ABC Mobile customers." }));
    await sb.clock.advance(HOUR);
    const id = c.body.campaign_id as string;
    expect((await v("GET", `/brands/${brandId}/campaigns/${id}`)).body.status).toBe("UPDATES_REQUIRED");
    const u = await v("PATCH", `/brands/${brandId}/campaigns/${id}`, { description: "Account alerts for ABC Mobile customers about billing changes.", usecase: "ACCOUNT_NOTIFICATION" });
    expect(u.body.status).toBe("PENDING_REVIEW");
    await sb.clock.advance(HOUR);
    expect((await v("GET", `/brands/${brandId}/campaigns/${id}`)).body.status).toBe("CARRIERS_REVIEW");
  });

  it("validates consent: attachment for every method but TEXT_TO_JOIN, pricing disclosure, keywords, flow XOR details", async () => {
    const brandId = await vettedBrand();
    const bad = await v("POST", `/brands/${brandId}/campaigns`, vonageCampaignBody({
      message_flow: "Customers opt in on the account page by ticking an unchecked box.",
      opt_out_keywords: "STOP, QUIT", help_keywords: "INFO",
    }));
    expect(bad.status).toBe(422);
    expect((bad.body.invalid_parameters as { name: string }[]).map((p) => p.name).sort()).toEqual(["help_keywords", "message_flow", "opt_out_keywords"]);
    const noAttach = await v("POST", "/campaigns/message_flow", {
      consent_mechanisms: [{ method: "LIVE_OPERATOR", details: "An agent asks." }, { method: "TEXT_TO_JOIN", details: "Text JOIN." }],
      pricing_disclosure: false, frequency: "RECURRING", privacy_policy: "https://a.example/p", terms_and_conditions: "https://a.example/t",
    });
    expect((noAttach.body.invalid_parameters as { name: string }[]).map((p) => p.name).sort()).toEqual(["consent_mechanisms[0].attachment", "pricing_disclosure"]);
  });

  it("refuses a number linked to another campaign", async () => {
    const brandId = await vettedBrand();
    const a = await v("POST", `/brands/${brandId}/campaigns`, vonageCampaignBody());
    const b = await v("POST", `/brands/${brandId}/campaigns`, vonageCampaignBody({ label: "Second" }));
    await v("POST", `/brands/${brandId}/campaigns/${a.body.campaign_id}/numbers`, { country: "US", number: "14155550112" });
    const dup = await v("POST", `/brands/${brandId}/campaigns/${b.body.campaign_id}/numbers`, { country: "US", number: "14155550112" });
    expect(dup.status).toBe(409);
    expect(dup.body.type).toContain("#numbers-already-linked");
    expect((await v("POST", `/brands/${brandId}/campaigns/${b.body.campaign_id}/numbers`, { country: "US", number: "+1415" })).status).toBe(422);
  });
});

describe("vetting appeals", () => {
  it("an appeal with evidence is listed on the vet and decided on the clock", async () => {
    const b = await v("POST", "/brands", vonageBrandBody({ ein: "111111130" }));
    await sb.clock.advance(2 * MIN);
    const vet = await v("POST", `/brands/${b.body.brand_id}/vetting/requests`, { evp_id: "Aegis", vetting_class: "STANDARD" });
    await sb.clock.advance(15 * MIN);
    const form = new FormData();
    form.append("file", new Blob(["evidence"], { type: "text/plain" }), "evidence.txt");
    const up = await fetch(`${sb.url}/v1/10dlc/brands/${b.body.brand_id}/appeal/evidence`, { method: "POST", headers: { authorization: basic }, body: form });
    const ev = (await up.json()) as { id: string };
    const tooMany = await v("POST", `/brands/${b.body.brand_id}/vetting/requests/${vet.body.vetting_id}/appeal`, { categories: ["LOW_SCORE"], evidence_ids: Array(11).fill(ev.id), explanation: "x" });
    expect(tooMany.status).toBe(422);
    const ap = await v("POST", `/brands/${b.body.brand_id}/vetting/requests/${vet.body.vetting_id}/appeal`, { categories: ["LOW_SCORE"], evidence_ids: [ev.id], explanation: "Our score is too low." });
    expect(ap.status).toBe(204);
    await sb.clock.advance(3 * DAY);
    const list = await v("GET", `/brands/${b.body.brand_id}/vetting/requests`);
    expect(list.body[0]).toMatchObject({ vetting_score: 50, appeals: [{ status: "COMPLETE", categories: ["LOW_SCORE"], evidences: [{ id: ev.id, file_name: "evidence.txt" }], outcome: { vetting_status: "ACTIVE", vetting_score: 50 } }] });
  });
});

describe("resellers and evidence", () => {
  it("a reseller is PENDING, then APPROVED with a tcr_reseller_id", async () => {
    const r = await v("POST", "/resellers", { company_name: "Reseller Co", phone: "12025550100", email: "ops@reseller.example" });
    expect(r.body).toMatchObject({ status: "PENDING" });
    expect(r.body.tcr_reseller_id).toBeUndefined();
    await sb.clock.advance(DAY);
    const g = await v("GET", `/resellers/${r.body.id}`);
    expect(g.body.status).toBe("APPROVED");
    expect(g.body.tcr_reseller_id).toMatch(/^R[A-Z0-9]{6}$/);
  });
  it("evidence: fixed type list and 10 MB a file", async () => {
    const b = await v("POST", "/brands", vonageBrandBody());
    const up = async (name: string, type: string, size: number) => {
      const form = new FormData();
      form.append("file", new Blob([Buffer.alloc(size, 65)], { type }), name);
      const res = await fetch(`${sb.url}/v1/10dlc/brands/${b.body.brand_id}/appeal/evidence`, { method: "POST", headers: { authorization: basic }, body: form });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const ok = await up("tax.pdf", "application/pdf", 1000);
    expect(ok.body).toMatchObject({ file_name: "tax.pdf", mime_type: "application/pdf" });
    expect((await up("x.exe", "application/octet-stream", 10)).status).toBe(422);
    expect((await up("big.pdf", "application/pdf", 10 * 1024 * 1024 + 1)).status).toBe(422);
    const list = await v("GET", `/brands/${b.body.brand_id}/appeal/evidence`);
    expect(list.body._embedded.evidences).toHaveLength(1);
  });
});
