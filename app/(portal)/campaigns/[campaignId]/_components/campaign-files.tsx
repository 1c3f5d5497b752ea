"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FileDropZone } from "@/components/form/file-drop-zone";
import { attachEvidenceAction } from "@/lib/evidence/actions";
import { acceptedExtensions, formatBytes, KIND_RULES, type EvidenceKind } from "@/lib/evidence/kinds";

const USES = {
  CAMPAIGN_MMS: { kind: "MMS_SAMPLE", label: "MMS sample media" },
  CAMPAIGN_SUPPORTING_DOCUMENT: { kind: "SUPPORTING_DOCUMENT", label: "supporting documents (opt-in evidence, call to action, terms, privacy policy)" },
} as const satisfies Record<string, { kind: EvidenceKind; label: string }>;

/**
 * Uploads into the evidence library (type checked by content on the server), then sends each file to
 * the campaign at the registry. A failed send stays in the library and can be sent again from there.
 */
export function CampaignFileUploader({ campaignId, use }: { campaignId: string; use: keyof typeof USES }) {
  const router = useRouter();
  const { kind, label } = USES[use];
  const rules = KIND_RULES[kind];
  return (
    <FileDropZone
      kind={kind}
      label={`Add ${label}`}
      hint={`${acceptedExtensions(kind).map((e) => `.${e}`).join(", ")} · up to ${formatBytes(rules.maxBytes)} each`}
      maxBytes={rules.maxBytes}
      onUploaded={async (file) => {
        const r = await attachEvidenceAction({ fileId: file.id, targetType: use, targetId: campaignId });
        if (r.ok) toast.success(`${file.fileName} was sent to the registry.`);
        else toast.error(`${file.fileName} is in the evidence library but was not sent: ${r.error}`);
        router.refresh();
      }}
    />
  );
}
