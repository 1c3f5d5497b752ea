/** Resellers (tcr-api-part2.md §12). `R000000` means "No Reseller". */
import { z } from "zod";
import { E164, PageQuery, pageOf } from "./common";

export const NO_RESELLER_ID = "R000000";

export const Reseller = z.looseObject({
  resellerId: z.string(),
  cspId: z.string().nullable().optional(),
  companyName: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type Reseller = z.infer<typeof Reseller>;
export const ResellerPage = pageOf(Reseller);

export const ResellerSearchQuery = z.strictObject({ companyName: z.string().optional(), ...PageQuery });
export type ResellerSearchQuery = z.infer<typeof ResellerSearchQuery>;

/** POST and PUT bodies (PUT is a full replacement: all three required). */
export const ResellerRequest = z.strictObject({
  companyName: z.string().min(1).max(100),
  phone: E164,
  email: z.email().max(100),
});
export type ResellerRequest = z.infer<typeof ResellerRequest>;
