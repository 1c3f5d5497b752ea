/**
 * Inputs of the Vonage number-linking actions and the message-flow preview. Client-safe (zod only): the forms use
 * these with zodResolver and the server actions parse with the same schemas.
 */
import { z } from "zod";
import { ConsentSchema } from "@/lib/campaigns/consent";
import { campaignId } from "@/lib/campaigns/schemas";

/**
 * A US 10DLC number as Vonage wants it: E.164 without the "+" (reference: POST …/numbers, `number` 7–15 digits, e.g.
 * 14155550110). Typed as "+1 415 555 0110", "(415) 555-0110" or "4155550110" it is normalised; anything that is not a
 * North American number (country code 1, area code and exchange not starting with 0 or 1) is refused at the field.
 */
export const usNumber = z
  .string()
  .trim()
  .transform((s) => {
    const digits = s.replace(/[\s().+-]/g, "");
    return /^\d{10}$/.test(digits) ? `1${digits}` : digits;
  })
  .pipe(z.string().regex(/^1[2-9]\d{2}[2-9]\d{6}$/, "A US number in E.164 form, e.g. +1 415 555 0110"));

/** The form's value for a linked number, "+14155550110", from Vonage's "14155550110". */
export const withPlus = (n: string) => (n.startsWith("+") ? n : `+${n}`);

/** The link form's one field (the campaign comes from the page). */
export const linkNumberFieldsSchema = z.object({ phoneNumber: usNumber });
export type LinkNumberFields = z.input<typeof linkNumberFieldsSchema>;
export const linkNumberSchema = linkNumberFieldsSchema.extend({ campaignId });

export const unlinkNumberSchema = z.object({ campaignId, phoneNumber: usNumber });

/** The builder's structured consent, as Vonage's POST /campaigns/message_flow will template it. */
export const previewMessageFlowSchema = z.object({ consent: ConsentSchema });

/** Vonage's number states (reference: GET …/numbers `status`); only LINKED allows traffic. */
export const VONAGE_NUMBER_STATES = ["LINKING", "LINKED", "REJECTED", "UNLINKING", "UNLINKED"] as const;
export const NUMBER_STATE_MEANING: Record<string, { tone: "info" | "success" | "danger" | "neutral"; text: string; pending: boolean }> = {
  LINKING: { tone: "info", text: "Vonage is linking it to the campaign; traffic starts once it is LINKED.", pending: true },
  LINKED: { tone: "success", text: "Linked: traffic is allowed.", pending: false },
  REJECTED: { tone: "danger", text: "Vonage refused the link; its API gives no reason. A number cannot be linked while the campaign's traffic is not enabled: unlink it and link it again once it is.", pending: false },
  UNLINKING: { tone: "info", text: "Vonage is unlinking it.", pending: true },
  UNLINKED: { tone: "neutral", text: "Unlinked.", pending: false },
};
