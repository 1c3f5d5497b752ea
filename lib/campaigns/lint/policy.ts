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
  if (consumerInitiated && rule.policy?.consumerInitiated) level = milder(level, rule.policy.consumerInitiated);
  return level;
}

export function isSeverity(l: Level): l is Severity {
  return l !== "off";
}
