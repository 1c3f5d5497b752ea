import type { Sim } from "../core/context";
import { badState, FieldErrors, invalid, notFound, tcrError } from "../core/errors";
import { json, noContent, readJson, readMultipart } from "../core/http";
import type { Router } from "../core/router";
import type { AssetRecord } from "../core/store";
import { ASSET_APPEAL_CATEGORIES } from "../data/enums";
import { brandEventFields, getActiveBrand, getBrand } from "../domain/brands";
import { sniffImage, storeAttachment } from "../domain/files";
import { appealResponse, filterAppeals, newAppeal, readAppealBody } from "./appeals";

/**
 * Brand assets for RCS (tcr-api-part1 §4): upload with the eight rules, list, delete, verify on the
 * clock, appeal. Verification outcome rule: an asset whose name contains "reject" (any case) comes
 * back UNVERIFIED; others VERIFIED with a 12-month expiration date.
 */
const RULES = {
  LOGO: { width: 224, height: 224, maxBytes: 50 * 1024 },
  BANNER: { width: 1440, height: 448, maxBytes: 200 * 1024 },
} as const;
const QUOTA_PER_TYPE = 50;
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 _-]*[A-Za-z0-9])?$/;

export function assetResponse(a: AssetRecord): Record<string, unknown> {
  return {
    name: a.name, type: a.type, attachmentUuid: a.attachmentUuid, url: a.url, verificationStatus: a.verificationStatus,
    feedbackReasons: a.feedbackReasons, expirationDate: a.expirationDate, createDate: a.createDate,
    verifyRequestDate: a.verifyRequestDate, verifiedDate: a.verifiedDate,
  };
}

export function registerBrandAssetRoutes(r: Router, sim: Sim): void {
  const { store, clock } = sim;
  const key = (brandId: string, name: string) => `${brandId}/${name}`;
  const assetsOf = (brandId: string) => Object.values(store.data.assets).filter((a) => a.brandId === brandId);
  const getAsset = (brandId: string, name: string) => {
    const a = store.data.assets[key(brandId, name)];
    if (!a) throw notFound("Brand asset", "name");
    return a;
  };

  clock.register("asset.verify", (p) => {
    const a = store.data.assets[String(p.key)];
    if (!a || a.verificationStatus !== "PENDING") return;
    if (a.name.toLowerCase().includes("reject")) {
      a.verificationStatus = "UNVERIFIED";
      a.feedbackReasons = ["Image could not be matched to the brand"];
    } else {
      const exp = new Date(clock.now());
      exp.setUTCFullYear(exp.getUTCFullYear() + 1);
      a.verificationStatus = "VERIFIED";
      a.feedbackReasons = [];
      a.verifiedDate = clock.nowIso();
      a.expirationDate = exp.toISOString();
    }
    const b = store.data.brands[a.brandId];
    if (b) sim.webhooks.emit("BRAND_ASSET_VERIFICATION_UPDATE", { ...brandEventFields(b), assetName: a.name, description: `Asset verification ${a.verificationStatus}` });
  });

  r.get("/brand/:brandId/asset", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const type = ctx.query.get("type");
    const name = ctx.query.get("name");
    if (type && type !== "LOGO" && type !== "BANNER") throw invalid("type", "type must be LOGO or BANNER");
    return json(assetsOf(b.brandId).filter((a) => (!type || a.type === type) && (!name || a.name === name)).map(assetResponse));
  });

  r.post("/brand/:brandId/asset", async (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const parts = readMultipart(ctx);
    const field = (n: string) => parts.find((p) => p.name === n);
    const errs = new FieldErrors();
    const name = field("name")?.data.toString("utf8") ?? "";
    const type = field("type")?.data.toString("utf8") ?? "";
    const url = field("url")?.data.toString("utf8").trim() || null;
    const file = field("file");
    if (b.entityType === "SOLE_PROPRIETOR") throw badState("SOLE_PROPRIETOR brands cannot have brand assets");
    if (!name) errs.add("name", "name is required");
    else if (!NAME.test(name)) errs.add("name", "name must be alphanumeric (spaces, dashes and underscores inside only)");
    if (type !== "LOGO" && type !== "BANNER") errs.add("type", "type must be LOGO or BANNER");
    if (!file?.data.length && !url) errs.add("file", "file or url is required");
    errs.throwIfAny();
    if (store.data.assets[key(b.brandId, name)]) throw invalid("name", "An asset with this name already exists for the brand");
    const t = type as "LOGO" | "BANNER";
    if (assetsOf(b.brandId).filter((a) => a.type === t).length >= QUOTA_PER_TYPE) throw badState(`At most ${QUOTA_PER_TYPE} ${t} assets per brand`);
    let data = file?.data.length ? file.data : null;
    if (!data && url) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        data = Buffer.from(await res.arrayBuffer());
      } catch (err) {
        throw invalid("url", `Could not download the asset: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const img = sniffImage(data!);
    if (!img) throw invalid("file", "Asset must be a JPEG/JPG or PNG image");
    const rule = RULES[t];
    if (img.width !== rule.width || img.height !== rule.height) {
      throw invalid("file", `${t} must be exactly ${rule.width} x ${rule.height} px (got ${img.width} x ${img.height})`);
    }
    if (data!.length > rule.maxBytes) throw tcrError(501, `${t} must be at most ${rule.maxBytes / 1024} KB`, "file");
    const ext = img.format === "PNG" ? "png" : "jpg";
    const att = storeAttachment(sim, {
      brandId: b.brandId, campaignId: null, purpose: "BRAND_ASSET", fileName: file?.fileName || `${name}.${ext}`, mimeType: img.mimeType, data: data!,
    });
    const asset: AssetRecord = {
      brandId: b.brandId, name, type: t, attachmentUuid: att.uuid, url, width: img.width, height: img.height,
      verificationStatus: null, feedbackReasons: [], expirationDate: null, createDate: clock.nowIso(), createAt: clock.now(),
      verifyRequestDate: null, verifiedDate: null,
    };
    store.data.assets[key(b.brandId, name)] = asset;
    return json(assetResponse(asset));
  });

  r.delete("/brand/:brandId/asset/:name", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const a = getAsset(b.brandId, ctx.params.name!);
    if (a.verificationStatus === "PENDING" || a.verificationStatus === "VERIFIED") throw badState(`An asset in status ${a.verificationStatus} cannot be deleted`);
    delete store.data.assets[key(b.brandId, a.name)];
    delete store.data.attachments[a.attachmentUuid];
    return noContent();
  });

  const verify = (ctx: { params: Record<string, string> }) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const a = getAsset(b.brandId, ctx.params.name!);
    if (b.identityStatus !== "VERIFIED" && b.identityStatus !== "VETTED_VERIFIED") throw badState("The brand must be VERIFIED or VETTED_VERIFIED");
    if (a.verificationStatus === "PENDING" || a.verificationStatus === "VERIFIED") throw badState(`Asset is already ${a.verificationStatus}`);
    a.verificationStatus = "PENDING";
    a.verifyRequestDate = clock.nowIso();
    clock.schedule("asset.verify", { key: key(b.brandId, a.name) }, sim.delays.assetVerificationMs);
    return noContent();
  };
  // The reference does not say whether verify is PUT or POST; both are accepted.
  r.put("/brand/:brandId/asset/:name/verify", verify);
  r.post("/brand/:brandId/asset/:name/verify", verify);

  r.get("/brand/:brandId/asset/:name/appeal", (ctx) => {
    const b = getBrand(sim, ctx.params.brandId!);
    const a = getAsset(b.brandId, ctx.params.name!);
    const list = Object.values(store.data.appeals).filter((x) => x.kind === "ASSET" && x.brandId === b.brandId && x.assetName === a.name);
    return json(filterAppeals(list, ctx.query).map(appealResponse));
  });

  r.post("/brand/:brandId/asset/:name/appeal", (ctx) => {
    const b = getActiveBrand(sim, ctx.params.brandId!);
    const a = getAsset(b.brandId, ctx.params.name!);
    const fields = readAppealBody(sim, b.brandId, readJson(ctx), ASSET_APPEAL_CATEGORIES.map((c) => c.id), new FieldErrors());
    if (a.verificationStatus !== "UNVERIFIED") throw badState("Only an UNVERIFIED asset can be appealed");
    if (clock.now() - a.createAt > sim.delays.assetAppealWindowMs) throw badState("Assets can be appealed within 45 days of registration");
    if (Object.values(store.data.appeals).some((x) => x.kind === "ASSET" && x.brandId === b.brandId && x.assetName === a.name && x.appealStatus === "PENDING")) {
      throw badState("An appeal of this asset is already pending");
    }
    a.verificationStatus = "PENDING";
    newAppeal(sim, "ASSET", b.brandId, fields, { assetName: a.name });
    return noContent();
  });
}
