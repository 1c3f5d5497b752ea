/**
 * Reseller inputs (tcr-api-part2.md §12), client-safe. A reseller is a business (typically another
 * messaging platform) between the brand and the CSP, optionally named on campaigns. The registry requires
 * companyName (1–100), phone (E.164, ≤ 20) and email (≤ 100) on create, and all three again on update (a full
 * replacement). `R000000` is the registry's "No Reseller".
 */
import { z } from "zod";
import { NO_RESELLER_ID, ResellerRequest } from "@/lib/tcr/schemas/reseller";

export { NO_RESELLER_ID };

/** Registry reseller ids are "prefixed with letter 'R'"; a campaign's resellerId is at most 8 characters. */
export const resellerIdSchema = z.string().trim().regex(/^R[A-Za-z0-9]{1,7}$/, "A registry reseller id, e.g. R123ABC");

/** What the form sends: the registry's request body, trimmed, with the phone's spaces and dashes dropped. */
export const resellerFieldsSchema = z.object({
  companyName: z.string().trim().min(1, "Enter the reseller's company or display name").max(100, "At most 100 characters"),
  phone: z.string().trim().transform((p) => p.replace(/[\s().-]/g, "")).pipe(ResellerRequest.shape.phone.max(20, "At most 20 characters")),
  email: z.string().trim().pipe(z.email("Enter a valid email address").max(100, "At most 100 characters")),
});
export type ResellerFields = z.input<typeof resellerFieldsSchema>;

export const createResellerSchema = resellerFieldsSchema;
export const updateResellerSchema = resellerFieldsSchema.extend({ resellerId: resellerIdSchema });
export const deleteResellerSchema = z.object({ resellerId: resellerIdSchema });

/** A reseller as the pages show it. */
export type ResellerRow = { resellerId: string; companyName: string | null; phone: string | null; email: string | null };

/** The builder's choice: "no reseller" first, then the organization's resellers by name. */
export function resellerChoices(resellers: readonly ResellerRow[]): { value: string; label: string }[] {
  const sorted = [...resellers]
    .filter((r) => r.resellerId !== NO_RESELLER_ID)
    .sort((a, b) => (a.companyName ?? "").localeCompare(b.companyName ?? "", "en", { sensitivity: "base" }) || a.resellerId.localeCompare(b.resellerId));
  return [
    { value: NO_RESELLER_ID, label: `No reseller (${NO_RESELLER_ID})` },
    ...sorted.map((r) => ({ value: r.resellerId, label: `${r.companyName ?? "Unnamed reseller"} (${r.resellerId})` })),
  ];
}

/** What the builder tells the user about the choice, which the registry lets change only once, and only to R000000. */
export function resellerChoiceConsequence(resellerId: string): string {
  return resellerId === NO_RESELLER_ID
    ? "No reseller (R000000) is final: once the campaign is registered, a reseller can never be added."
    : "Once registered, this reseller can only ever be removed (changed to R000000, no reseller), never swapped for another.";
}
