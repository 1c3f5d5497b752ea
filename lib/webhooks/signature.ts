import { createHmac, timingSafeEqual } from "node:crypto";

/** RFC 8785 JSON canonicalisation for the JSON values a webhook body can hold. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/**
 * The registry's X-Registry-Signature: base64(HMAC-SHA1(secret, subscribedEndpoint + canonicalBody))
 * (shared/spec/anchors-mission.md §5.8).
 */
export function registrySignature(secret: string, endpoint: string, body: unknown): string {
  return createHmac("sha1", secret).update(endpoint + canonicalJson(body), "utf8").digest("base64");
}

export function verifyRegistrySignature(secret: string, endpoint: string, body: unknown, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(registrySignature(secret, endpoint, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
