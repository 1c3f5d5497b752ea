/** Vonage reseller registration input (POST /resellers), client-safe. */
import { z } from "zod";

/** Vonage's request: company_name ≤ 100, phone E.164 without "+", a valid email ≤ 100. The form may write "+1 415…". */
export const vonageResellerSchema = z.object({
  companyName: z.string().trim().min(1, "Enter the reseller's company name").max(100, "At most 100 characters"),
  phone: z.string().trim().transform((p) => p.replace(/[\s().+-]/g, "")).pipe(z.string().regex(/^[1-9]\d{6,14}$/, "A mobile number in international (E.164) form, e.g. +14155550110")),
  email: z.string().trim().pipe(z.email("Enter a valid email address").max(100, "At most 100 characters")),
});

export type VonageResellerFields = z.input<typeof vonageResellerSchema>;
