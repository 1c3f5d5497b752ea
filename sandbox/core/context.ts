import type { SandboxClock } from "./clock";
import type { Store } from "./store";
import type { Webhooks } from "./webhooks";

/**
 * Simulated durations of the registry's asynchronous behaviour (sandbox-clock milliseconds).
 * Values are the simulator's choice; the reference only bounds some of them (OTP PIN 24 h,
 * 2FA resend window 30 days and throttle 2 h, asset appeal window 45 days, RCS cool-down 30 days).
 */
export interface Delays {
  identityScoringMs: number;
  otpDeliveryStepMs: number;
  otpPinTtlMs: number;
  authPlusCompletionMs: number;
  authPlusWindowMs: number;
  twoFaThrottleMs: number;
  vettingUnscoreMs: number;
  vettingScoreMs: number;
  appealDecisionMs: number;
  assetVerificationMs: number;
  assetAppealWindowMs: number;
  brandRelationshipLockMs: number;
  rcsCooldownMs: number;
  campaignReviewMs: number;
  shareDecisionMs: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEFAULT_DELAYS: Delays = {
  identityScoringMs: 1 * MIN,
  otpDeliveryStepMs: 5_000,
  otpPinTtlMs: 24 * HOUR,
  authPlusCompletionMs: 1 * HOUR,
  authPlusWindowMs: 30 * DAY,
  twoFaThrottleMs: 2 * HOUR,
  vettingUnscoreMs: 1 * MIN,
  vettingScoreMs: 10 * MIN,
  appealDecisionMs: 2 * DAY,
  assetVerificationMs: 1 * DAY,
  assetAppealWindowMs: 45 * DAY,
  brandRelationshipLockMs: 90 * DAY,
  rcsCooldownMs: 30 * DAY,
  campaignReviewMs: 1 * DAY,
  shareDecisionMs: 1 * DAY,
};

/** What every route module receives: state, time, events and timings. */
export interface Sim {
  store: Store;
  clock: SandboxClock;
  webhooks: Webhooks;
  delays: Delays;
}

export const TIME = { MIN, HOUR, DAY };
