import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";

// Client-safe: the brand page's live status (lib/brands/live-status.ts) and how the page words it.
export const liveStatusSchema = z.object({ brandId: brandIdSchema });

export type WaitingFor = "identity" | "otp" | "authplus" | "vetting" | "appeal";
export type LiveStatus = { identityStatus: string | null; waitingFor: WaitingFor[]; version: string };

export const WAITING_LABELS: Record<WaitingFor, string> = {
  identity: "the identity check",
  otp: "the owner's SMS passcode",
  authplus: "the business contact's Authentication+ email",
  vetting: "the external vetting",
  appeal: "the appeal decision",
};

/** How often the page asks while waiting, and for how long at most before it stops (a manual refresh remains). */
export const LIVE_POLL_MS = 4_000;
export const LIVE_POLL_MAX_MS = 15 * 60_000;
