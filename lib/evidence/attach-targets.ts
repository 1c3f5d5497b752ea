import { z } from "zod";
import type { EvidenceKind } from "@/lib/evidence/kinds";

// Client-safe: the registry uses a stored file can be put to, and the kinds of file each one takes.
export const ATTACH_TARGETS = {
  BRAND_APPEAL_EVIDENCE: { kinds: ["APPEAL_EVIDENCE"], label: "appeal evidence of brand", title: "Appeal evidence", idPrefix: "B" },
  CAMPAIGN_MMS: { kinds: ["MMS_SAMPLE"], label: "MMS samples of campaign", title: "MMS samples", idPrefix: "C" },
  CAMPAIGN_SUPPORTING_DOCUMENT: { kinds: ["SUPPORTING_DOCUMENT", "APPEAL_EVIDENCE"], label: "supporting documents of campaign", title: "Supporting documents", idPrefix: "C" },
} as const satisfies Record<string, { kinds: readonly EvidenceKind[]; label: string; title: string; idPrefix: "B" | "C" }>;
export type AttachTarget = keyof typeof ATTACH_TARGETS;
export const ATTACH_TARGET_TYPES = Object.keys(ATTACH_TARGETS) as [AttachTarget, ...AttachTarget[]];

export function isAttachTarget(v: unknown): v is AttachTarget {
  return typeof v === "string" && v in ATTACH_TARGETS;
}

/** A brand (B…) for appeal evidence, a campaign (C…) for MMS samples and supporting documents. */
export const targetSchema = z
  .object({
    targetType: z.enum(ATTACH_TARGET_TYPES),
    targetId: z.string().trim().toUpperCase().regex(/^[BC][A-Z0-9]{5,8}$/, "A registry brand or campaign id, e.g. B1A2B3C."),
  })
  .superRefine((t, ctx) => {
    if (t.targetId.startsWith(ATTACH_TARGETS[t.targetType].idPrefix)) return;
    const message = ATTACH_TARGETS[t.targetType].idPrefix === "B" ? "Appeal evidence goes to a brand: its id starts with B." : "This goes to a campaign: its id starts with C.";
    ctx.addIssue({ code: "custom", path: ["targetId"], message });
  });
export type TargetRef = z.output<typeof targetSchema>;

export const attachSchema = z.object({ fileId: z.string().min(1) }).and(targetSchema);

/** One file the registry holds for a target, by the registry's attachment uuid. */
export const registryFileSchema = z.object({ uuid: z.string().min(1).max(200) }).and(targetSchema);

/** One file the registry holds for a target, with the library file it was sent from when this portal sent it. */
export type RegistryFile = { uuid: string; fileName: string | null; mimeType: string | null; fileId: string | null };

/** The download route for a registry file (through the organization's registry client). */
export function registryDownloadHref(t: { targetType: AttachTarget; targetId: string }, uuid: string): string {
  return `/api/files/registry?${new URLSearchParams({ targetType: t.targetType, targetId: t.targetId, uuid })}`;
}
