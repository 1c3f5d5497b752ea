/**
 * The Telnyx adapter: `createTelnyxClient(config).brands` has the same method names and signatures as
 * lib/tcr/brands.ts for everything Telnyx's 10DLC brand API documents, so lib/brands/* runs unchanged on it.
 * Input is TCR-shaped (validated with lib/tcr/schemas, then against Telnyx's own limits before sending);
 * output is TCR-shaped (mapping.ts has the field table).
 *
 * Billable calls (brand create $4, vetting order $40; fees.ts) go through lib/tcr/billable.ts. Telnyx has no
 * referenceId, so after an ambiguous failure the brand is found by listing: the brands with the same
 * displayName that existed before the first send are recorded, and a new one carrying every value we sent
 * is ours. Vetting orders do the same with the brand's vetting ids.
 */
import type { z } from "zod";
import { billableCall, InMemoryIntentStore, type BillableDeps } from "@/lib/tcr/billable";
import type { BrandsApi } from "@/lib/tcr/brands";
import type { TcrClientConfig } from "@/lib/tcr/http";
import type { BillableOptions } from "@/lib/tcr/op";
import { Brand, BrandCreateRequest, BrandSearchQuery, BrandUpdateRequest } from "@/lib/tcr/schemas/brand";
import type { Page } from "@/lib/tcr/schemas/common";
import { ExternalVettingOrderRequest, type ExternalVetting, type ExternalVettingListQuery } from "@/lib/tcr/schemas/vetting";
import { TcrError, type TcrErrorItem } from "@/lib/tcr/errors";
import { itemsOfZod, TelnyxPreflightError } from "./errors";
import { createTelnyxHttp, telnyxEndpoints, type TelnyxOperationId } from "./http";
import {
  fromTelnyxBrand, fromTelnyxFeedback, fromTelnyxListRecord, fromTelnyxVetting, matchesSent, toTelnyxCreate, toTelnyxListQuery,
  toTelnyxUpdate, unsupportedUpdate,
} from "./mapping";
import {
  TelnyxBrand, TelnyxBrandCreateRequest, TelnyxBrandFeedback, TelnyxBrandList, TelnyxBrandUpdateRequest, TelnyxDeleteResponse,
  TelnyxExternalVettingList, TelnyxExternalVetting, TelnyxExternalVettingOrderRequest, type TelnyxBrandListQuery,
} from "./schemas";

export type TelnyxBrandMethod =
  | "create" | "get" | "search" | "update" | "delete" | "revet" | "getFeedback" | "listExternalVetting" | "orderExternalVetting";
/** Exactly lib/tcr/brands.ts's signatures for the methods Telnyx supports. */
export type TelnyxBrands = { [K in TelnyxBrandMethod]: (...args: Parameters<BrandsApi[K]>) => ReturnType<BrandsApi[K]> };

/** Pages asked for when listing to find a lost create (the reference states no maximum page size). */
const LOOKUP_PAGE_SIZE = 100;
const LOOKUP_MAX_PAGES = 50;

export function createTelnyxClient(config: TcrClientConfig): { brands: TelnyxBrands } {
  const http = createTelnyxHttp(config);
  const billable: BillableDeps = {
    // Without a persistent store, duplicates are still prevented within this process only.
    store: config.intentStore ?? new InMemoryIntentStore(),
    logger: config.logger,
    reconcileDelayMs: config.reconcileDelayMs ?? 1_000,
    maxSends: config.billable?.maxSends,
    staleAfterMs: config.billable?.staleAfterMs,
    sleep: config.sleep,
  };

  const refuse = (op: TelnyxOperationId, items: TcrErrorItem[]): never => {
    const def = telnyxEndpoints[op];
    throw new TelnyxPreflightError(op, def.method, def.path, items);
  };
  /** Parse or refuse at the field: the portal's forms show TcrError items where they belong. */
  const check = <S extends z.ZodType>(op: TelnyxOperationId, schema: S, value: unknown): z.output<S> => {
    const r = schema.safeParse(value);
    if (!r.success) refuse(op, itemsOfZod(r.error));
    return (r as { data: z.output<S> }).data;
  };
  const id = (brandId: string) => ({ brandId });

  const getRaw = (brandId: string) => http.call("telnyx.brand.get", TelnyxBrand, { path: id(brandId) });

  const list = (query: TelnyxBrandListQuery) => http.call("telnyx.brand.list", TelnyxBrandList, { query });

  /** Every brand id listed under a displayName (all pages). */
  async function idsNamed(displayName: string): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; page <= LOOKUP_MAX_PAGES; page++) {
      const res = await list({ displayName, page, recordsPerPage: LOOKUP_PAGE_SIZE });
      ids.push(...res.records.filter((r) => r.displayName === displayName).map((r) => r.brandId));
      if (res.records.length < LOOKUP_PAGE_SIZE || page * LOOKUP_PAGE_SIZE >= res.totalRecords) break;
    }
    return ids;
  }

  const search: TelnyxBrands["search"] = async (input = {}) => {
    const q = check("telnyx.brand.list", BrandSearchQuery, input);
    const { query, unsupported } = toTelnyxListQuery(q);
    if (unsupported.length > 0) refuse("telnyx.brand.list", unsupported);
    const res = await list(query);
    // Telnyx's list records carry 8 fields (no identity status, country or vertical), but TCR's search answers whole
    // brands and the mirror stores what it is given: each listed brand is read in full (one request each, through
    // the shared limiter). A brand deleted between the two reads keeps its list record.
    const records: Brand[] = [];
    for (const r of res.records) {
      const listed = fromTelnyxListRecord(r);
      const full = await getRaw(r.brandId).then((t) => fromTelnyxBrand(t, r.brandId), (e: unknown) => {
        if (e instanceof TcrError && e.status === 404) return null;
        throw e;
      });
      // The list's own fields (createDate) stay where the single read lacks them.
      records.push(full ? { ...listed, ...Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined)) } as Brand : listed);
    }
    const page: Page<Brand> = { page: res.page, totalRecords: res.totalRecords, records };
    return page;
  };

  const listExternalVetting: TelnyxBrands["listExternalVetting"] = async (brandId, query: Partial<z.input<typeof ExternalVettingListQuery>> = {}) => {
    // Telnyx's records carry no vetting status and the list takes no filters: evpId and class are applied here.
    if (query.vettingStatus !== undefined) {
      refuse("telnyx.brand.listExternalVetting", [{ code: null, field: "vettingStatus", description: "Telnyx's vetting records carry no vetting status to filter by" }]);
    }
    const rows = await http.call("telnyx.brand.listExternalVetting", TelnyxExternalVettingList, { path: id(brandId) });
    return rows.filter((v) => (!query.evpId || v.evpId === query.evpId) && (!query.vettingClass || v.vettingClass === query.vettingClass)).map(fromTelnyxVetting);
  };

  const brands: TelnyxBrands = {
    search,

    create: async (input, opts: BillableOptions) => {
      const tcr = check("telnyx.brand.create", BrandCreateRequest, input);
      if ((tcr as { mock?: boolean }).mock) {
        refuse("telnyx.brand.create", [{ code: null, field: "mock", description: "Telnyx has no mock brands: this brand would be real and billed" }]);
      }
      const body = check("telnyx.brand.create", TelnyxBrandCreateRequest, toTelnyxCreate(tcr));
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "brand.create",
        prepare: async () => ({ displayName: body.displayName, brandIds: await idsNamed(body.displayName) }),
        send: async () => fromTelnyxBrand(await http.call("telnyx.brand.create", TelnyxBrand, { body }), undefined, "telnyx.brand.create"),
        lookup: async (intent) => {
          const before = new Set((intent.context as { brandIds?: string[] } | null)?.brandIds ?? []);
          for (const candidate of await idsNamed(body.displayName)) {
            if (before.has(candidate)) continue;
            const got = await getRaw(candidate);
            if (matchesSent(body, got)) return fromTelnyxBrand(got, candidate);
          }
          return null;
        },
        objectId: (b) => b.brandId,
      });
    },

    get: async (brandId) => fromTelnyxBrand(await getRaw(brandId), brandId),

    update: async (brandId, input) => {
      const tcr = check("telnyx.brand.update", BrandUpdateRequest, input);
      // A full replacement: read, overlay, write.
      const current = await getRaw(brandId);
      const refused = unsupportedUpdate(current, tcr);
      if (refused.length > 0) refuse("telnyx.brand.update", refused);
      const body = check("telnyx.brand.update", TelnyxBrandUpdateRequest, toTelnyxUpdate(current, tcr));
      const updated = await http.call("telnyx.brand.update", TelnyxBrand, { path: id(brandId), body });
      // The update response has no ids: carry them over from the brand just read.
      return fromTelnyxBrand({ brandId: current.brandId ?? brandId, tcrBrandId: current.tcrBrandId, cspId: current.cspId, ...updated }, brandId);
    },

    delete: async (brandId) => http.call("telnyx.brand.delete", TelnyxDeleteResponse, { path: id(brandId) }),

    revet: async (brandId) => fromTelnyxBrand(await http.call("telnyx.brand.revet", TelnyxBrand, { path: id(brandId) }), brandId),

    getFeedback: async (brandId) => fromTelnyxFeedback(await http.call("telnyx.brand.getFeedback", TelnyxBrandFeedback, { path: id(brandId) })),

    listExternalVetting,

    orderExternalVetting: async (brandId, input, opts: BillableOptions): Promise<ExternalVetting> => {
      const tcr = check("telnyx.brand.orderExternalVetting", ExternalVettingOrderRequest, input);
      if (tcr.additionalRequestPayload !== undefined) {
        refuse("telnyx.brand.orderExternalVetting", [{ code: null, field: "additionalRequestPayload", description: "Telnyx's vetting order has no field for a political vetting payload" }]);
      }
      if (!tcr.vettingClass) refuse("telnyx.brand.orderExternalVetting", [{ code: null, field: "vettingClass", description: "Telnyx requires a vetting class" }]);
      const body = check("telnyx.brand.orderExternalVetting", TelnyxExternalVettingOrderRequest, { evpId: tcr.evpId, vettingClass: tcr.vettingClass });
      const matching = async () => (await listExternalVetting(brandId, { evpId: body.evpId, vettingClass: body.vettingClass }));
      return billableCall(billable, {
        key: opts.idempotencyKey,
        operationId: "brand.orderExternalVetting",
        prepare: async () => ({ brandId, vettingIds: (await matching()).map((v) => v.vettingId ?? null) }),
        send: async () =>
          fromTelnyxVetting(await http.call("telnyx.brand.orderExternalVetting", TelnyxExternalVetting, { path: id(brandId), body })),
        lookup: async (intent) => {
          const before = new Set(((intent.context as { vettingIds?: (string | null)[] } | null)?.vettingIds ?? []).filter(Boolean));
          return (await matching()).find((v) => v.vettingId && !before.has(v.vettingId)) ?? null;
        },
        objectId: (v) => v.vettingId ?? null,
      });
    },
  };
  return { brands };
}
