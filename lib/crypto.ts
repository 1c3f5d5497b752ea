import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Versioned AES-256-GCM box for registry credentials: "v1.<iv>.<tag>.<ciphertext>" (base64url parts).
// The version prefix lets a later key rotation read old boxes.
const VERSION = "v1";

function key(raw?: string): Buffer {
  const k = Buffer.from(raw ?? env().ENCRYPTION_KEY, "base64");
  if (k.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes");
  return k;
}

export function seal(plaintext: string, rawKey?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(rawKey), iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function open(box: string, rawKey?: string): string {
  const [version, iv, tag, ct] = box.split(".");
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error("Unrecognised encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key(rawKey), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** What the UI may show of a secret: its length class and last four characters. */
export function maskHint(secret: string): string {
  return `••••${secret.slice(-4)}`;
}
