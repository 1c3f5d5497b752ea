import { TcrError } from "../../core/errors";
import type { Reply, RequestContext } from "../../core/router";
import type { Store } from "../../core/store";

/**
 * Shared pieces of the Vonage profile (/v1/10dlc): its error shape, its profile state inside the
 * shared Store, HAL paging, and the snake_case ↔ camelCase field-name bridge to sandbox/domain.
 *
 * Error body. The reference lists error codes (brand-conflict, brand-parameters, invalid-usecase-data,
 * use-case-denied, vetting-conflict, invalid-vetting-data, invalid-json, brand-not-qualified,
 * invalid-campaign-data, numbers-already-linked, invalid-number-data) "in addition to our generic
 * error codes" but never prints a body. The sandbox answers Vonage's generic problem-details shape
 * `{type, title, detail, instance, invalid_parameters?: [{name, reason}]}` with `type` ending in
 * `#<code>` (simulator choice). HTTP statuses: 401 bad credentials, 404 unknown record, 409 state
 * conflicts and denials, 422 validation (the reference names 422 for the feedback and preview
 * endpoints), 400 unreadable JSON, 429/5xx from faults.
 */
export const VONAGE_PREFIX = "/v1/10dlc";
export const LINK_HOST = "https://api.nexmo.com";

export const VONAGE_ERROR_TITLES: Record<string, string> = {
  "brand-conflict": "Brand conflict",
  "brand-parameters": "Invalid brand parameters",
  "invalid-usecase-data": "Invalid use case data",
  "use-case-denied": "Use case denied",
  "vetting-conflict": "Vetting conflict",
  "invalid-vetting-data": "Invalid vetting data",
  "invalid-json": "Invalid JSON",
  "brand-not-qualified": "Brand not qualified",
  "invalid-campaign-data": "Invalid campaign data",
  "numbers-already-linked": "Number already linked",
  "invalid-number-data": "Invalid number data",
  // Generic codes used by the simulator.
  unauthorized: "Unauthorized",
  "not-found": "Not found",
  conflict: "Conflict",
  "invalid-parameters": "Invalid parameters",
  "throttled": "Too many requests",
  "internal-error": "Internal error",
};

export interface InvalidParameter {
  name: string;
  reason: string;
}

export class VonageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly invalidParameters: InvalidParameter[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

export const vInvalid = (code: string, name: string, reason: string) => new VonageError(422, code, reason, [{ name, reason }]);
export const vNotFound = (what: string) => new VonageError(404, "not-found", `${what} not found`);
export const vConflict = (code: string, detail: string) => new VonageError(409, code, detail);

/** Collects field problems (snake_case names) so one answer lists them all. */
export class VFieldErrors {
  readonly items: InvalidParameter[] = [];
  add(name: string, reason: string): void {
    this.items.push({ name, reason });
  }
  throwIfAny(code: string): void {
    if (this.items.length) throw new VonageError(422, code, "There are errors in the submitted data", this.items);
  }
}

export function vonageErrorBody(e: VonageError, instance: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: `https://developer.vonage.com/api-errors/10dlc#${e.code}`,
    title: VONAGE_ERROR_TITLES[e.code] ?? e.code,
    detail: e.detail,
    instance,
  };
  if (e.invalidParameters.length) body.invalid_parameters = e.invalidParameters;
  return body;
}

const SNAKE_OVERRIDES: Record<string, string> = {
  businessContactEmail: "verification_email",
  sample1: "sample_one", sample2: "sample_two", sample3: "sample_three", sample4: "sample_four", sample5: "sample_five",
  brandId: "brand_id", campaignId: "campaign_id",
};
export function toSnake(field: string): string {
  return SNAKE_OVERRIDES[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A TcrError thrown by a shared sandbox/domain function, re-expressed in Vonage's shape. */
export function fromTcrError(e: TcrError, code: string): VonageError {
  const first = e.items[0];
  if (first?.code === 502) return vNotFound(first.description.replace(/ not found$/, "") || "Record");
  if (first?.code === 902 || first?.code === 503) return vConflict(code, first.description);
  if (first?.code === 905 || first?.code === 903) return new VonageError(429, "throttled", first.description);
  const params = e.items.filter((i) => i.field).map((i) => ({ name: toSnake(i.field!), reason: i.description.replace(new RegExp(`\\b${i.field}\\b`, "g"), toSnake(i.field!)) }));
  return new VonageError(422, code, e.items.map((i) => i.description).join("; "), params);
}

export function errorReply(err: unknown, instance: string): Reply {
  if (err instanceof VonageError) return { status: err.status, json: vonageErrorBody(err, instance) };
  if (err instanceof TcrError) {
    const v = fromTcrError(err, "invalid-parameters");
    return { status: v.status, json: vonageErrorBody(v, instance) };
  }
  console.error("[sandbox] unexpected error (vonage)", err);
  return { status: 500, json: vonageErrorBody(new VonageError(500, "internal-error", "Internal error"), instance) };
}

// ── Profile state, kept inside the shared Store under data.profiles.vonage ─────────────────────

export interface MessageFlowDetails {
  brand_name?: string;
  consent_mechanisms: { method: string; details: string; attachment?: string }[];
  pricing_disclosure: true;
  carrier_disclaimer?: true;
  frequency: "ONE_TIME" | "RECURRING";
  privacy_policy: string;
  terms_and_conditions: string;
}

export type VonageCampaignStatus =
  | "PENDING_REVIEW" | "UPDATES_REQUIRED" | "CARRIERS_REVIEW" | "ACTIVE" | "PENDING_CANCELLATION" | "SUSPENDED"
  | "TERMINATED" | "CANCELED" | "REJECTED" | "CNP_CANCELED" | "PORTED_OUT";

export const CAMPAIGN_STATUSES: VonageCampaignStatus[] = [
  "PENDING_REVIEW", "UPDATES_REQUIRED", "CARRIERS_REVIEW", "ACTIVE", "PENDING_CANCELLATION", "SUSPENDED", "TERMINATED",
  "CANCELED", "REJECTED", "CNP_CANCELED", "PORTED_OUT",
];

/** A Vonage campaign: the writable fields as Vonage names them, plus Vonage's own state. */
export interface VonageCampaign {
  campaign_id: string;
  brand_id: string;
  account_id: string;
  primary_account_id: string;
  tcr_campaign_id: string | null;
  reseller_id: string;
  reseller: boolean;
  label: string | null;
  status: VonageCampaignStatus;
  traffic_enabled: boolean;
  usecase: string;
  sub_usecases: string[];
  vertical: string | null;
  description: string;
  message_flow: string;
  message_flow_details: MessageFlowDetails | null;
  opt_in_keywords: string | null;
  opt_in_message: string | null;
  opt_out_keywords: string;
  opt_out_message: string | null;
  help_keywords: string;
  help_message: string | null;
  sample_one: string | null;
  sample_two: string | null;
  sample_three: string | null;
  sample_four: string | null;
  sample_five: string | null;
  age_gated: boolean;
  direct_lending: boolean;
  embedded_link: boolean;
  embedded_phone: boolean;
  hipaa: boolean | null;
  auto_renewal: boolean;
  registration_date: string | null;
  renewal_date: string | null;
  created_date: string;
  last_updated: string;
  billed_date: string | null;
  last_status_changes: { status: string; explanation: string; change_date: string }[];
  /** Bumped by every write that starts a review, so a stale review task is ignored. */
  review_seq: number;
}

export interface VonageNumber {
  number: string;
  country: string;
  status: "LINKING" | "LINKED" | "REJECTED" | "UNLINKING" | "UNLINKED";
  campaign_id: string;
  brand_id: string;
  compliance: string[];
}

export interface VonageReseller {
  id: string;
  tcr_reseller_id: string | null;
  company_name: string;
  phone: string;
  email: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  rejection_reason: string | null;
}

export interface VonageBrandMeta {
  account_id: string;
  primary_account_id: string;
  reseller: boolean;
  last_updated: string;
  revets: number;
}

/** A campaign registered directly on TCR by a partner CSP and imported into Vonage (POST /partnercampaigns/import). */
export interface VonagePartnerImport {
  campaign_id: string;
  tcr_campaign_id: string;
  brand_id: string;
  account_id: string;
  label: string | null;
  cnp_migration: boolean;
}

export interface VonageState {
  partnerImports: Record<string, VonagePartnerImport>;
  brands: Record<string, VonageBrandMeta>;
  campaigns: Record<string, VonageCampaign>;
  numbers: Record<string, VonageNumber>;
  resellers: Record<string, VonageReseller>;
  account: { opt_out_assist: boolean };
}

export function vonageState(store: Store): VonageState {
  const d = store.data as Store["data"] & { profiles?: Record<string, unknown> };
  d.profiles ??= {};
  const cur = d.profiles.vonage as Partial<VonageState> | undefined;
  const s: VonageState = {
    partnerImports: cur?.partnerImports ?? {},
    brands: cur?.brands ?? {}, campaigns: cur?.campaigns ?? {}, numbers: cur?.numbers ?? {}, resellers: cur?.resellers ?? {},
    account: cur?.account ?? { opt_out_assist: false },
  };
  d.profiles.vonage = s;
  return s;
}

// ── Formats and helpers ─────────────────────────────────────────────────────────────────────

/** Brand dates look like `2019-08-24 14:15:22` (no zone); campaign dates like `2019-08-24T14:15:22Z`. */
export const brandDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 19).replace("T", " ") : null);
export const isoSeconds = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 19)}Z` : null);

/** E.164 without the "+" prefix (7–15 digits). */
export const VONAGE_PHONE = /^[1-9]\d{6,14}$/;

export function readJsonBody(ctx: RequestContext, required = true): Record<string, unknown> {
  if (ctx.body.length === 0) {
    if (required) throw new VonageError(400, "invalid-json", "Request body is required");
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body.toString("utf8"));
  } catch {
    throw new VonageError(400, "invalid-json", "Your request cannot be parsed");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new VonageError(400, "invalid-json", "A JSON object is expected");
  return parsed as Record<string, unknown>;
}

/** Page-number HAL paging: `{page, page_size, total_pages, total_items, _embedded:{<key>:[…]}, _links}`. */
export function halPage<T>(ctx: RequestContext, key: string, items: T[], render: (t: T) => unknown, selfPath: string): Record<string, unknown> {
  const int = (name: string, def: number, min: number, max: number) => {
    const v = ctx.query.get(name);
    if (v === null || v === "") return def;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw vInvalid("invalid-parameters", name, `${name} must be an integer between ${min} and ${max}`);
    return Number(v);
  };
  const page = int("page", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = int("page_size", 10, 1, 1000);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const href = (p: number) => ({ href: `${LINK_HOST}${VONAGE_PREFIX}${selfPath}?page=${p}&page_size=${pageSize}` });
  const links: Record<string, unknown> = { self: href(page), first: href(1), last: href(totalPages) };
  if (page < totalPages) links.next = href(page + 1);
  if (page > 1) links.previous = href(page - 1);
  return {
    page, page_size: pageSize, total_pages: totalPages, total_items: items.length,
    _embedded: { [key]: items.slice((page - 1) * pageSize, page * pageSize).map(render) }, _links: links,
  };
}

/** Token-style paging (evidence, resellers, throughputs): opaque tokens are base64 of the page number. */
export function tokenPage<T>(ctx: RequestContext, key: string, items: T[], render: (t: T) => unknown, selfPath: string): Record<string, unknown> {
  const sizeRaw = ctx.query.get("page_size");
  const pageSize = sizeRaw && /^\d+$/.test(sizeRaw) && Number(sizeRaw) >= 1 ? Math.min(Number(sizeRaw), 1000) : 10;
  const tok = ctx.query.get("page_token");
  const pageRaw = ctx.query.get("page");
  let page = 1;
  if (tok) {
    const n = Number(Buffer.from(tok, "base64url").toString("utf8"));
    if (!Number.isInteger(n) || n < 1) throw vInvalid("invalid-parameters", "page_token", "page_token is not a token this API issued");
    page = n;
  } else if (pageRaw && /^\d+$/.test(pageRaw) && Number(pageRaw) >= 1) page = Number(pageRaw);
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const token = (p: number) => Buffer.from(String(p)).toString("base64url");
  const href = (p: number) => ({ href: `${LINK_HOST}${VONAGE_PREFIX}${selfPath}${selfPath.includes("?") ? "&" : "?"}page_token=${token(p)}&page_size=${pageSize}` });
  const out: Record<string, unknown> = {
    first_page: token(1), last_page: token(last),
    _links: { first: href(1), last: href(last), ...(page < last ? { next: href(page + 1) } : {}), ...(page > 1 ? { previous: href(page - 1) } : {}) },
    _embedded: { [key]: items.slice((page - 1) * pageSize, page * pageSize).map(render) },
  };
  if (page < last) out.next_page = token(page + 1);
  if (page > 1) out.previous_page = token(page - 1);
  return out;
}


/** The 17 verticals of the reference (brand and campaign `vertical`). */
export const VONAGE_VERTICALS = [
  "REAL_ESTATE", "HEALTHCARE", "ENERGY", "ENTERTAINMENT", "RETAIL", "AGRICULTURE", "INSURANCE", "EDUCATION", "HOSPITALITY", "FINANCIAL",
  "GAMBLING", "CONSTRUCTION", "NGO", "MANUFACTURING", "GOVERNMENT", "TECHNOLOGY", "COMMUNICATION",
];
