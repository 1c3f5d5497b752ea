/**
 * Telnyx error bodies → the portal's TcrError items, so a refusal shows at its form field exactly like a TCR
 * one (lib/tcr/errors.ts tcrErrorToFieldErrors). Three shapes are read:
 *   422 `{detail: [{loc: ["body", "email"], msg, type}]}`  (the reference's Validation Error; FastAPI)
 *   `{detail: "message"}`                                   (FastAPI's other errors; revet's 400 "Request Failed")
 *   `{errors: [{code, title, detail, source?: {pointer}}]}` (Telnyx's platform envelope: 401, 429, 5xx)
 */
import type { z } from "zod";
import { TcrError, type TcrErrorItem } from "@/lib/tcr/errors";

const LOCATIONS = new Set(["body", "query", "path", "header"]);

/** `["body", "email"]` → "email"; `["body", "category", 0, "id"]` → "category.0.id"; `["body"]` → null. */
export function fieldOfLoc(loc: readonly (string | number)[]): string | null {
  const rest = loc.length > 0 && typeof loc[0] === "string" && LOCATIONS.has(loc[0]) ? loc.slice(1) : loc;
  return rest.length > 0 ? rest.join(".") : null;
}

function fieldOfPointer(pointer: unknown): string | null {
  if (typeof pointer !== "string") return null;
  const parts = pointer.split("/").filter(Boolean);
  return parts.length > 0 ? parts.join(".") : null;
}

export function parseTelnyxErrorBody(body: unknown, fallbackText = ""): TcrErrorItem[] {
  const items: TcrErrorItem[] = [];
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.detail)) {
      for (const d of o.detail) {
        if (!d || typeof d !== "object") continue;
        const e = d as Record<string, unknown>;
        const loc = Array.isArray(e.loc) ? (e.loc as (string | number)[]) : [];
        items.push({ code: null, field: fieldOfLoc(loc), description: typeof e.msg === "string" ? e.msg : String(e.type ?? "invalid") });
      }
    } else if (typeof o.detail === "string") {
      items.push({ code: null, field: null, description: o.detail });
    } else if (Array.isArray(o.errors)) {
      for (const d of o.errors) {
        if (!d || typeof d !== "object") continue;
        const e = d as Record<string, unknown>;
        const code = typeof e.code === "number" ? e.code : typeof e.code === "string" && /^\d+$/.test(e.code) ? Number(e.code) : null;
        const source = e.source && typeof e.source === "object" ? (e.source as Record<string, unknown>) : {};
        const text = [e.title, e.detail].filter((x): x is string => typeof x === "string" && x !== "").join(": ");
        items.push({ code, field: fieldOfPointer(source.pointer), description: text || "Rejected by Telnyx" });
      }
    }
  }
  if (items.length === 0 && fallbackText.trim()) items.push({ code: null, field: null, description: fallbackText.trim().slice(0, 500) });
  return items;
}

/**
 * Refused before sending: the input breaks a limit or rule the Telnyx reference documents (e.g. displayName
 * ≤100), or asks for something Telnyx's brand API has no field for (a search filter, a political vetting
 * payload). A TcrError with field-level items, so the form shows it at the field and a billable call counts
 * it as a definite failure (nothing was sent, nothing was charged).
 */
export class TelnyxPreflightError extends TcrError {
  constructor(operationId: string, method: string, path: string, items: TcrErrorItem[]) {
    super(422, items, { operationId, method, path });
    this.name = "TelnyxPreflightError";
  }
}

/** Zod issues → error items (the issue path is the Telnyx/TCR field name, both camelCase and identical). */
export function itemsOfZod(error: z.ZodError): TcrErrorItem[] {
  return error.issues.map((i) => ({ code: null, field: i.path.length > 0 ? i.path.join(".") : null, description: i.message }));
}
