import type { Sim } from "../core/context";
import { invalid, notFound, tcrError } from "../core/errors";
import { json, paginate, queryBool, readMultipart, type MultipartPart } from "../core/http";
import type { Router } from "../core/router";
import type { CampaignRecord } from "../core/store";
import { MNOS } from "../data/enums";
import { DOCUMENT_TYPES, EVIDENCE_MAX_BYTES, MMS_MAX_BYTES, MMS_TYPES, mimeTypeFor, storeAttachment } from "../domain/files";

/**
 * Campaign files and nnSR views (tcr-api-part2 §2.8, 2.9, 2.14, 2.15, 2.19, 2.20): MMS samples (≤ 10 MB,
 * the reference's extensions), supporting documents (evidence allow-list; 10 MB, a simulator choice),
 * nnSR attributes (msg_class = AT&T class, status = decimal bitmask of REGISTERED MNOs by
 * osrBitmaskIndex) and provisioned phone numbers (provisioned with POST /_sandbox/campaigns/{id}/phoneNumbers).
 * Mock and deactivated campaigns are not in nnSR (502).
 */
export function registerCampaignFileRoutes(r: Router, sim: Sim): void {
  const { store } = sim;
  const getCampaign = (id: string) => {
    const c = store.data.campaigns[id];
    if (!c) throw notFound("Campaign", "campaignId");
    return c;
  };
  const files = (c: CampaignRecord, purpose: "CAMPAIGN_MMS" | "CAMPAIGN_DOCUMENT") =>
    Object.values(store.data.attachments)
      .filter((a) => a.campaignId === c.campaignId && a.purpose === purpose)
      .map((a) => ({ uuid: a.uuid, fileName: a.fileName, mimeType: a.mimeType }));
  const upload = (c: CampaignRecord, parts: MultipartPart[], purpose: "CAMPAIGN_MMS" | "CAMPAIGN_DOCUMENT") => {
    if (c.status !== "ACTIVE") throw tcrError(518, "Campaign expired");
    const file = parts.find((p) => p.name === "file");
    if (!file?.fileName || file.data.length === 0) throw invalid("file", "file is required");
    const max = purpose === "CAMPAIGN_MMS" ? MMS_MAX_BYTES : EVIDENCE_MAX_BYTES;
    if (file.data.length > max) throw tcrError(906, `file exceeds ${max} bytes`, "file");
    const mimeType = mimeTypeFor(file.fileName, purpose === "CAMPAIGN_MMS" ? MMS_TYPES : DOCUMENT_TYPES);
    const a = storeAttachment(sim, { brandId: c.brandId, campaignId: c.campaignId, purpose, fileName: file.fileName, mimeType, data: file.data });
    return json({ uuid: a.uuid, fileName: a.fileName, mimeType: a.mimeType });
  };

  r.get("/campaign/:campaignId/mms", (ctx) => json(files(getCampaign(ctx.params.campaignId!), "CAMPAIGN_MMS")));
  r.post("/campaign/:campaignId/mms", (ctx) => upload(getCampaign(ctx.params.campaignId!), readMultipart(ctx), "CAMPAIGN_MMS"));
  r.get("/campaign/:campaignId/supportingDocument", (ctx) => json(files(getCampaign(ctx.params.campaignId!), "CAMPAIGN_DOCUMENT")));
  r.post("/campaign/:campaignId/supportingDocument", (ctx) => upload(getCampaign(ctx.params.campaignId!), readMultipart(ctx), "CAMPAIGN_DOCUMENT"));

  const inNnsr = (id: string) => {
    const c = getCampaign(id);
    if (c.mock || c.status !== "ACTIVE") throw tcrError(502, "Campaign not found in nnSR", "campaignId");
    return c;
  };

  r.get("/campaign/:campaignId/osr/attributes", (ctx) => {
    const c = inNnsr(ctx.params.campaignId!);
    const status = c.sim?.operationStatus ?? Object.fromEntries(c.mnoIds.map((m) => [String(m), "REGISTERED"]));
    let mask = 0;
    for (const m of MNOS) if (status[String(m.networkId)] === "REGISTERED") mask |= 1 << m.osrBitmaskIndex;
    const att = c.sim?.mnoMetadata["10017"] as { msgClass?: string } | undefined;
    return json({ msg_class: att?.msgClass ?? "", status: String(mask), brand_id: c.brandId });
  });

  r.get("/campaign/:campaignId/phoneNumbers", (ctx) => {
    const c = getCampaign(ctx.params.campaignId!);
    const current = queryBool(ctx.query, "current");
    const rows = Object.values(store.data.phoneNumbers)
      .filter((n) => n.campaignId === c.campaignId && (current === undefined || n.current === current))
      .sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
    return json(paginate(ctx.query, rows, 500));
  });
}

/** Control hook: the DCA/CNP provisioned `count` numbers to the campaign in nnSR. */
export function provisionNumbers(sim: Sim, campaignId: string, count: number): string[] {
  const c = sim.store.data.campaigns[campaignId];
  if (!c) throw notFound("Campaign", "campaignId");
  if (c.mock || c.status !== "ACTIVE") throw tcrError(902, "Mock and deactivated campaigns cannot have numbers");
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let n: string;
    do n = `+1${2 + sim.store.rng.int(8)}${String(sim.store.rng.int(1e9)).padStart(9, "0")}`;
    while (sim.store.data.phoneNumbers[n]);
    sim.store.data.phoneNumbers[n] = { phoneNumber: n, campaignId, current: true, provisionDate: sim.clock.nowIso(), deprovisionDate: null };
    out.push(n);
  }
  return out;
}
