/**
 * Severity per use case. Pure and client-safe. The use-case list is the portal's catalogue of the
 * registry's use cases (lib/campaigns/usecases.ts); the registry's /enum/usecase stays authoritative.
 */
import { USECASE_MEANINGS } from "../usecases";
import type { Level, RuleMeta, Severity } from "./types";

export const ALL_USECASES: readonly string[] = Object.keys(USECASE_MEANINGS).sort();

/** Messages sent one at a time because the subscriber asked (a login, a code request). */
export const ONE_TIME_USECASES = ["2FA"] as const;

/**
 * Recurring programs that promote, solicit or mix purposes: the full call-to-action disclosure
 * (frequency, rates, HELP, STOP; BW 2133–2138) and opt-out in the samples are certain requirements.
 */
export const PROMOTIONAL_USECASES = [
  "AGENTS_FRANCHISES", "CHARITY", "LOW_VOLUME", "MARKETING", "MIXED", "POLITICAL", "SOCIAL", "SOLE_PROPRIETOR", "SWEEPSTAKE",
] as const;

/**
 * Use cases without a public call to action a reviewer checks (machine traffic, relayed person-to-person
 * messages, platform and trial traffic): the opt-in and disclosure rules warn there.
 */
export const NO_PUBLIC_CTA_USECASES = ["CARRIER_EXEMPT", "M2M", "PROXY", "TRIAL", "UCAAS_HIGH", "UCAAS_LOW"] as const;

/**
 * Use cases whose messages can all be replies to a consumer who texted first. Only there does a
 * consumer-initiated opt-in lower a rule (SeverityPolicy.consumerInitiated): texting a brand first is
 * not consent to its marketing or to recurring notifications.
 */
export const RESPONSIVE_USECASES = ["CONVERSATIONAL", "CUSTOMER_CARE"] as const;

export function each(usecases: readonly string[], level: Level): Record<string, Level> {
  return Object.fromEntries(usecases.map((u) => [u, level]));
}

const RANK: Record<Level, number> = { block: 0, warn: 1, info: 2, off: 3 };

/** The milder of two levels. */
export function milder<T extends Level>(a: T, b: T): T {
  return RANK[a] >= RANK[b] ? a : b;
}

export function levelFor(rule: Pick<RuleMeta, "severity" | "policy">, usecase: string, consumerInitiated = false): Level {
  let level: Level = rule.policy?.byUsecase?.[usecase] ?? rule.severity;
  const responsive = (RESPONSIVE_USECASES as readonly string[]).includes(usecase);
  if (consumerInitiated && responsive && rule.policy?.consumerInitiated) level = milder(level, rule.policy.consumerInitiated);
  return level;
}

export function isSeverity(l: Level): l is Severity {
  return l !== "off";
}
