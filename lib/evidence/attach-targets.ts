import { z } from "zod";
import type { EvidenceKind } from "@/lib/evidence/kinds";

export const ATTACH_TARGETS = {
  BRAND_APPEAL_EVIDENCE: { kinds: ["APPEAL_EVIDENCE"], label: "appeal evidence of brand" },
  CAMPAIGN_MMS: { kinds: ["MMS_SAMPLE"], label: "MMS samples of campaign" },
  CAMPAIGN_SUPPORTING_DOCUMENT: { kinds: ["SUPPORTING_DOCUMENT", "APPEAL_EVIDENCE"], label: "supporting documents of campaign" },
} as const satisfies Record<string, { kinds: readonly EvidenceKind[]; label: string }>;
export type AttachTarget = keyof typeof ATTACH_TARGETS;

export const attachSchema = z.object({
  fileId: z.string().min(1),
  targetType: z.enum(Object.keys(ATTACH_TARGETS) as [AttachTarget, ...AttachTarget[]]),
  targetId: z.string().trim().regex(/^[BC][A-Z0-9]{5,8}$/, "A registry brand or campaign id, e.g. B1A2B3C."),
});
