import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { lastRevet } from "@/lib/brands/lifecycle";
import { OTP_PIN_TTL_MS } from "@/lib/brands/otp-schemas";
import type { LiveStatus, WaitingFor } from "@/lib/brands/live-status-schemas";

/**
 * How long the page keeps watching after the step that started a wait: a check the registry has not
 * answered by then is not going to show up while someone stares at the page (webhooks may be off; the
 * nightly reconciliation catches up).
 */
export const IDENTITY_WATCH_MS = 24 * 60 * 60_000;
export const AUTHPLUS_WATCH_MS = 30 * 24 * 60 * 60_000;

const verified = (s: string | null) => s === "VERIFIED" || s === "VETTED_VERIFIED";
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/**
 * What the mirror says about a brand's verification right now, read only from the database (cheap enough
 * to poll): the identity status, what the registry is still expected to answer, and a version that changes
 * whenever anything the brand page shows about it does (a new registry event for the brand, a vetting or
 * appeal status, a verified date). Null for a brand the organization does not have.
 *
 * Waiting for:
 * - identity: a non-sole-proprietor brand not yet checked (no status, or SELF_DECLARED) within a day of its
 *   registration, or a revet from this portal with no identity event from the registry since;
 * - otp: a sole proprietor with a passcode sent in the last 24 hours (its lifetime) and no verification yet;
 * - authplus: a verified public company whose business contact has not completed the 2FA email, within its
 *   30-day window (the AUTHPLUS vet not EXPIRED/FAILED);
 * - vetting: an external vet PENDING at its provider; appeal: an appeal PENDING at the registry.
 */
export async function brandLiveStatus(db: Db, orgId: string, brandId: string, now = new Date()): Promise<LiveStatus | null> {
  const brand = await db.brand.findFirst({
    where: { orgId, brandId },
    select: { identityStatus: true, entityType: true, status: true, deletedAt: true, registryCreatedAt: true, createdAt: true, data: true },
  });
  if (!brand) return null;
  const [event, identityEvent, revet, otpSent, vettings, appeals] = await Promise.all([
    db.registryEvent.findFirst({ where: { orgId, brandId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], select: { id: true } }),
    db.registryEvent.findFirst({ where: { orgId, brandId, eventType: "BRAND_IDENTITY_STATUS_UPDATE" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    lastRevet(db, orgId, brandId),
    db.auditLog.findFirst({ where: { orgId, action: "brand.otp.send", targetType: "brand", targetId: brandId, outcome: "SUCCESS" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    db.brandVetting.findMany({ where: { orgId, brandId }, orderBy: [{ evpId: "asc" }, { vettingClass: "asc" }], select: { evpId: true, vettingClass: true, vettingStatus: true, vettingScore: true } }),
    db.brandAppeal.findMany({ where: { orgId, brandId }, orderBy: { key: "asc" }, select: { key: true, appealStatus: true } }),
  ]);

  const data = (brand.data && typeof brand.data === "object" && !Array.isArray(brand.data) ? brand.data : {}) as Record<string, unknown>;
  const active = !brand.deletedAt && brand.status !== "DELETED";
  const sp = brand.entityType === "SOLE_PROPRIETOR";
  const since = (d: Date | null | undefined, ms: number) => Boolean(d) && now.getTime() - d!.getTime() < ms;
  const waitingFor: WaitingFor[] = [];
  if (active) {
    const registered = brand.registryCreatedAt ?? brand.createdAt;
    const unchecked = !brand.identityStatus || brand.identityStatus === "SELF_DECLARED";
    const revetUnanswered = Boolean(revet) && (!identityEvent || identityEvent.receivedAt < revet!);
    if (!sp && ((unchecked && since(registered, IDENTITY_WATCH_MS)) || (revetUnanswered && since(revet, IDENTITY_WATCH_MS)))) waitingFor.push("identity");
    if (sp && !verified(brand.identityStatus) && !str(data.mobilePhoneVerifiedDate) && since(otpSent?.createdAt, OTP_PIN_TTL_MS)) waitingFor.push("otp");
    const authVet = vettings.find((v) => v.vettingClass === "AUTHPLUS");
    const authOpen = !authVet || !["EXPIRED", "FAILED", "ACTIVE"].includes(authVet.vettingStatus ?? "");
    if (brand.entityType === "PUBLIC_PROFIT" && verified(brand.identityStatus) && !str(data.businessContactEmailVerifiedDate) && authOpen && since(registered, AUTHPLUS_WATCH_MS)) {
      waitingFor.push("authplus");
    }
    if (vettings.some((v) => v.vettingClass !== "AUTHPLUS" && v.vettingStatus === "PENDING")) waitingFor.push("vetting");
    if (appeals.some((a) => a.appealStatus === "PENDING")) waitingFor.push("appeal");
  }
  const version = createHash("sha256")
    .update(JSON.stringify([
      brand.identityStatus, brand.status, Boolean(brand.deletedAt), event?.id ?? null, str(data.mobilePhoneVerifiedDate), str(data.businessContactEmailVerifiedDate),
      vettings.map((v) => [v.evpId, v.vettingClass, v.vettingStatus, v.vettingScore]), appeals.map((a) => [a.key, a.appealStatus]), waitingFor,
    ]))
    .digest("base64url")
    .slice(0, 22);
  return { identityStatus: brand.identityStatus, waitingFor, version };
}
