import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { loadWebhookSecret } from "@/lib/registry/connection";
import { isStorableText } from "@/lib/storable";
import { canonicalJson, verifyRegistrySignature } from "@/lib/webhooks/signature";

export const MAX_WEBHOOK_BYTES = 64 * 1024;

export type IntakeResult =
  | { status: 200; eventId: string; duplicate: boolean }
  | { status: 400 | 401 | 404 | 413; error: string };

const CATEGORY_PREFIXES: [RegExp, string][] = [
  [/^BRAND_/, "BRAND"],
  [/^(CAMPAIGN_|MNO_CAMPAIGN_|CNP_MIGRATION_)/, "CAMPAIGN"],
  [/^EVP_/, "VETTING"],
  [/^CSP_/, "CSP"],
  [/^MNO_COMPLAINT/, "INCIDENCE"],
];

export function categoryOf(eventType: string): string | null {
  return CATEGORY_PREFIXES.find(([re]) => re.test(eventType))?.[1] ?? null;
}

const str = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 64 ? v : null);

/**
 * Accepts one webhook delivery: checks the organization, the size, the signature and the shape, then stores
 * the event. The same body delivered again only bumps its delivery count. Processing happens in the worker.
 */
export async function receiveWebhook(
  db: Db,
  input: { orgKey: string; endpoint: string; rawBody: string; signature: string | null },
): Promise<IntakeResult> {
  // No organization key holds a NUL, and PostgreSQL would refuse the lookup itself.
  const org = isStorableText(input.orgKey) ? await db.organization.findUnique({ where: { key: input.orgKey }, select: { id: true } }) : null;
  if (!org) return { status: 404, error: "Unknown webhook address." };
  if (Buffer.byteLength(input.rawBody) > MAX_WEBHOOK_BYTES) return { status: 413, error: "Event too large." };

  let body: unknown;
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    body = undefined;
  }
  const secret = await loadWebhookSecret(db, org.id);
  // The signature is checked before anything about the body is trusted or stored.
  if (!secret || body === undefined || !verifyRegistrySignature(secret, input.endpoint, body, input.signature)) {
    log().warn({ event: "webhook.rejected", orgId: org.id, reason: !secret ? "no signing secret configured" : body === undefined ? "unparseable body" : "bad signature", bytes: input.rawBody.length }, "webhook rejected");
    return { status: 401, error: "Signature check failed." };
  }
  if (!body || typeof body !== "object" || Array.isArray(body) || typeof (body as { eventType?: unknown }).eventType !== "string") {
    return { status: 400, error: "An event is a JSON object with an eventType." };
  }
  const payload = body as Record<string, unknown>;
  const eventType = String(payload.eventType).slice(0, 100);
  const dedupeKey = createHash("sha256").update(canonicalJson(payload)).digest("hex");
  const now = new Date();
  const rows = await db.$queryRaw<{ id: string; deliveries: number }[]>`
    INSERT INTO "RegistryEvent" ("id", "orgId", "dedupeKey", "eventType", "category", "brandId", "campaignId", "payload", "receivedAt", "lastDeliveredAt")
    VALUES (${`evt_${dedupeKey.slice(0, 12)}_${now.getTime().toString(36)}`}, ${org.id}, ${dedupeKey}, ${eventType}, ${categoryOf(eventType)},
            ${str(payload.brandId)}, ${str(payload.campaignId)}, ${JSON.stringify(payload as Prisma.InputJsonObject)}::jsonb, ${now}, ${now})
    ON CONFLICT ("orgId", "dedupeKey") DO UPDATE SET "deliveries" = "RegistryEvent"."deliveries" + 1, "lastDeliveredAt" = ${now}
    RETURNING "id", "deliveries"`;
  const row = rows[0]!;
  return { status: 200, eventId: row.id, duplicate: row.deliveries > 1 };
}
