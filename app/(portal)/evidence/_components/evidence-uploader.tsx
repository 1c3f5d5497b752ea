"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FileDropZone } from "@/components/form/file-drop-zone";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { acceptedExtensions, EVIDENCE_KINDS, formatBytes, KIND_RULES, refuseByName, rulesFor, type EvidenceKind } from "@/lib/evidence/kinds";

/** `upstream`: the organization's upstream kind, whose own limits (Vonage's evidence types) the browser checks first. */
export function EvidenceUploader({ upstream }: { upstream?: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<EvidenceKind>("APPEAL_EVIDENCE");
  const rules = rulesFor(kind, upstream);
  const dims = rules.dimensions ? `, exactly ${rules.dimensions.width}×${rules.dimensions.height} px` : "";
  return (
    <section aria-labelledby="upload-heading" className="space-y-3">
      <h2 id="upload-heading" className="text-lg font-semibold">Upload</h2>
      <FormField label="Kind of file" htmlFor="evidence-kind" className="max-w-xs">
        <NativeSelect value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>{KIND_RULES[k].label[0]!.toUpperCase() + KIND_RULES[k].label.slice(1)}</option>
          ))}
        </NativeSelect>
      </FormField>
      <FileDropZone
        key={kind}
        kind={kind}
        label={`Upload ${rules.label}`}
        hint={`${acceptedExtensions(kind, upstream).map((e) => `.${e}`).join(", ")} · up to ${formatBytes(rules.maxBytes)} each${dims}`}
        maxBytes={rules.maxBytes}
        check={upstream === "VONAGE" ? (f) => refuseByName(rules, f) : undefined}
        onUploaded={() => router.refresh()}
      />
    </section>
  );
}
