import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, notFound } from "../core/errors";
import { BodyReader, json, noContent, paginate, readJson } from "../core/http";
import type { Router } from "../core/router";

/**
 * Searchable keyword tags (tcr-api-part2 §13). Tags live on the brand or campaign record (`tag`), so
 * brand search by tag sees them. Names: 1–50 letters/digits (no punctuation or spaces), stored lowercase;
 * at most 10 per brand.
 */
const TAG = /^[\p{L}\p{N}]{1,50}$/u;
const MAX_BRAND_TAGS = 10;

export function registerTagRoutes(r: Router, sim: Sim): void {
  const { store } = sim;
  const recordOf = (recordType: string, recordId: string) => {
    if (recordType === "BRAND") {
      const b = store.data.brands[recordId];
      if (!b || b.status !== "ACTIVE") throw notFound("Brand", "recordId");
      return b;
    }
    if (recordType === "CAMPAIGN") {
      const c = store.data.campaigns[recordId];
      if (!c) throw notFound("Campaign", "recordId");
      return c;
    }
    throw invalid("recordType", "recordType must be BRAND or CAMPAIGN");
  };

  r.get("/tag", (ctx) => {
    const q = ctx.query;
    const name = q.get("name")?.toLowerCase();
    const recordId = q.get("recordId");
    const recordType = q.get("recordType");
    if (recordType && recordType !== "BRAND" && recordType !== "CAMPAIGN") throw invalid("recordType", "recordType must be BRAND or CAMPAIGN");
    const rows: { name: string; recordType: string; recordId: string }[] = [];
    if (recordType !== "CAMPAIGN") for (const b of Object.values(store.data.brands)) for (const t of b.tag) rows.push({ name: t, recordType: "BRAND", recordId: b.brandId });
    if (recordType !== "BRAND") for (const c of Object.values(store.data.campaigns)) for (const t of c.tag) rows.push({ name: t, recordType: "CAMPAIGN", recordId: c.campaignId });
    return json(paginate(q, rows.filter((x) => (!name || x.name === name) && (!recordId || x.recordId === recordId)), 500));
  });

  r.put("/tag", (ctx) => {
    const errs = new FieldErrors();
    const body = new BodyReader(readJson(ctx), errs);
    const name = body.str("name", { required: true, max: 50 });
    const recordType = body.str("recordType", { required: true });
    const recordId = body.str("recordId", { required: true });
    if (name && !TAG.test(name)) errs.add("name", "Tag names have no punctuation or spaces");
    errs.throwIfAny();
    const rec = recordOf(recordType!, recordId!);
    const tag = name!.toLowerCase();
    if (!rec.tag.includes(tag)) {
      if (recordType === "BRAND" && rec.tag.length >= MAX_BRAND_TAGS) throw badState(`At most ${MAX_BRAND_TAGS} tags per brand`);
      rec.tag.push(tag);
    }
    return json({ name: tag, recordType, recordId });
  });

  r.delete("/tag/name/:name/recordType/:recordType/recordId/:recordId", (ctx) => {
    const rec = recordOf(ctx.params.recordType!, ctx.params.recordId!);
    const tag = ctx.params.name!.toLowerCase();
    if (!rec.tag.includes(tag)) throw notFound("Tag", "name");
    rec.tag = rec.tag.filter((t) => t !== tag);
    return noContent();
  });
}
