/**
 * Driven by the registry's per-carrier qualification (campaign builder metadata). A carrier that does
 * not support the use case or where the brand does not qualify will reject the campaign: block, and
 * say what would change it (vetting, another use case, or leaving that carrier out via mnoIds).
 */
import type { Hit, LintContext, Rule } from "../types";
import { am, pv, TCR_MNO } from "../sources";
import { str } from "../text";

const name = (id: string, mno?: string) => mno || `MNO ${id}`;

function requires(ctx: LintContext, flag: "reqSubscriberOptin" | "reqSubscriberOptout" | "reqSubscriberHelp"): string[] {
  return Object.entries(ctx.mno).filter(([, m]) => m[flag] && m.mnoSupport !== false).map(([id, m]) => name(id, m.mno));
}

export const qualificationRules: Rule[] = [
  {
    id: "qual.not-supported",
    severity: "block",
    fields: ["usecase"],
    title: "Carrier supports the use case",
    message: "A carrier does not support this use case: pick another use case, or submit only to the carriers that support it.",
    source: `${TCR_MNO}: mnoSupport=false; ${am("Q-01", "block when a selected MNO has mnoSupport=false [TCR 509]")}; ${pv("Q-4", "Vonage, R")}`,
    check: (ctx) => Object.entries(ctx.mno).filter(([, m]) => m.mnoSupport === false).map(([id, m]) => ({ detail: name(id, m.mno) })),
  },
  {
    id: "qual.not-qualified",
    severity: "block",
    fields: ["usecase"],
    title: "Brand qualifies on the carrier",
    message: "The brand does not qualify for this use case on a carrier: order an external vet (standard, enhanced or political), pick another use case, or leave that carrier out.",
    source: `${TCR_MNO}: qualify=false "consider external vetting"; ${am("Q-01", "qualify=false [TCR 509 \"Brand does not qualify\"; Twilio 30900]")}; ${am("Q-04", "prompt for vetting")}`,
    check: (ctx) => Object.entries(ctx.mno).filter(([, m]) => m.mnoSupport !== false && m.qualify === false).map(([id, m]) => ({ detail: name(id, m.mno) })),
  },
  {
    id: "qual.mno-review",
    severity: "info",
    fields: ["usecase"],
    title: "Manual carrier review",
    message: "A carrier reviews this use case by hand: the campaign stays in REVIEW there until it decides (days, not minutes).",
    source: `${TCR_MNO}: mnoReview=true; ${am("Q-02", "manual review, show the expected delay")}`,
    check: (ctx) => Object.entries(ctx.mno).filter(([, m]) => m.mnoSupport !== false && m.mnoReview).map(([id, m]) => ({ detail: name(id, m.mno) })),
  },
  {
    id: "qual.req-optin",
    severity: "block",
    fields: ["subscriberOptin", "optinMessage"],
    title: "Opt-in where a carrier requires it",
    message: "A carrier requires subscriber opt-in: turn subscriber opt-in on and give the opt-in confirmation message.",
    source: `${TCR_MNO}: reqSubscriberOptin; ${am("Q-03", "force the corresponding messages and keywords")}; ${pv("Q-6", "Vonage")}`,
    check: (ctx) => {
      const by = requires(ctx, "reqSubscriberOptin");
      if (!by.length) return [];
      const hits: Hit[] = [];
      if (!ctx.c.subscriberOptin) hits.push({ fields: ["subscriberOptin"], detail: `subscriberOptin off; required by ${by.join(", ")}` });
      if (!str(ctx.c.optinMessage)) hits.push({ fields: ["optinMessage"], detail: `optinMessage empty; required by ${by.join(", ")}` });
      return hits;
    },
  },
  {
    id: "qual.req-optout",
    severity: "block",
    fields: ["subscriberOptout", "optoutKeywords", "optoutMessage"],
    title: "Opt-out where a carrier requires it",
    message: "A carrier requires STOP handling: turn subscriber opt-out on and give the opt-out keywords and confirmation message.",
    source: `${TCR_MNO}: reqSubscriberOptout "sending must stop immediately on STOP"; ${am("Q-03", "force messages and keywords")}; ${pv("Q-6", "Vonage")}`,
    check: (ctx) => {
      const by = requires(ctx, "reqSubscriberOptout");
      if (!by.length) return [];
      const hits: Hit[] = [];
      if (!ctx.c.subscriberOptout) hits.push({ fields: ["subscriberOptout"], detail: `subscriberOptout off; required by ${by.join(", ")}` });
      if (!str(ctx.c.optoutKeywords)) hits.push({ fields: ["optoutKeywords"], detail: `optoutKeywords empty; required by ${by.join(", ")}` });
      if (!str(ctx.c.optoutMessage)) hits.push({ fields: ["optoutMessage"], detail: `optoutMessage empty; required by ${by.join(", ")}` });
      return hits;
    },
  },
  {
    id: "qual.req-help",
    severity: "block",
    fields: ["subscriberHelp", "helpKeywords", "helpMessage"],
    title: "HELP where a carrier requires it",
    message: "A carrier requires HELP handling: turn subscriber help on and give the help keywords and HELP reply.",
    source: `${TCR_MNO}: reqSubscriberHelp; ${am("Q-03", "force messages and keywords")}; ${pv("Q-6", "Vonage")}`,
    check: (ctx) => {
      const by = requires(ctx, "reqSubscriberHelp");
      if (!by.length) return [];
      const hits: Hit[] = [];
      if (!ctx.c.subscriberHelp) hits.push({ fields: ["subscriberHelp"], detail: `subscriberHelp off; required by ${by.join(", ")}` });
      if (!str(ctx.c.helpKeywords)) hits.push({ fields: ["helpKeywords"], detail: `helpKeywords empty; required by ${by.join(", ")}` });
      if (!str(ctx.c.helpMessage)) hits.push({ fields: ["helpMessage"], detail: `helpMessage empty; required by ${by.join(", ")}` });
      return hits;
    },
  },
];
