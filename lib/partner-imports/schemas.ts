/**
 * Importing a partner's campaign into Vonage (POST /partnercampaigns/import): the TCR campaign id a partner CSP
 * registered and shared with Vonage, an optional label (≤ 50) and the CNP-migration flag, which Vonage requires to
 * be true when a CNP migration was started for the campaign. Client-safe.
 */
import { z } from "zod";

/** TCR campaign ids are "C" and six letters or digits (Vonage's sample: C123ABC). */
export const tcrCampaignIdSchema = z.string().trim().toUpperCase().regex(/^C[A-Z0-9]{6}$/, "A TCR campaign id: C and six letters or digits, e.g. C123ABC");

export const importPartnerCampaignSchema = z.object({
  tcrCampaignId: tcrCampaignIdSchema,
  label: z.string().trim().max(50, "At most 50 characters").optional().transform((v) => v || undefined),
  cnpMigration: z.boolean().default(false),
});
export type ImportPartnerCampaignInput = z.input<typeof importPartnerCampaignSchema>;

export const partnerImportIdSchema = z.object({ campaignId: z.string().trim().min(1).max(50) });
