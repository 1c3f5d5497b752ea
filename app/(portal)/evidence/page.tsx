import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { formatBytes, KIND_RULES } from "@/lib/evidence/kinds";
import { listEvidence } from "@/lib/evidence/queries";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { ATTACH_TARGETS, type AttachTarget } from "@/lib/evidence/attach-targets";
import { EvidenceUploader } from "./_components/evidence-uploader";
import { SendToRegistry } from "./_components/send-to-registry";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const ctx = await currentContext();
  if (!ctx) redirect("/sign-in");
  const files = await listEvidence(db(), ctx.org.id);
  const canAct = can(ctx.role, "registry.act");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Evidence"
        description="Files kept for the registry: appeal evidence, supporting documents, MMS samples and brand imagery. Each is checked by its contents, not its name, before it is stored."
      />
      {canAct ? <EvidenceUploader /> : null}
      <section aria-labelledby="library-heading" className="space-y-3">
        <h2 id="library-heading" className="text-lg font-semibold">Library</h2>
        {files.length === 0 ? (
          <EmptyState title="No files yet" description="Uploaded files appear here and can be downloaded or reused." />
        ) : (
          <Table label="Evidence files">
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Use</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Size</TableHead>
                <TableHead>Uploaded</TableHead>
                <TableHead>Sent to the registry</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>
                    <a className="font-medium text-primary underline-offset-4 hover:underline" href={`/api/files/${f.id}`} download>
                      {f.fileName}
                    </a>
                  </TableCell>
                  <TableCell className="capitalize">{KIND_RULES[f.kind as keyof typeof KIND_RULES]?.label ?? f.kind}</TableCell>
                  <TableCell className="font-mono text-xs">{f.mimeType}{f.width ? ` · ${f.width}×${f.height}` : ""}</TableCell>
                  <TableCell className="tabular-nums">{formatBytes(f.size)}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(f.createdAt)}</TableCell>
                  <TableCell>
                    <ul className="space-y-1 text-xs">
                      {f.attachments.map((a) => (
                        <li key={`${a.targetType}-${a.targetId}`} title={a.error ?? a.registryUuid ?? undefined}>
                          <Badge tone={a.state === "ATTACHED" ? "success" : "danger"}>{a.state === "ATTACHED" ? "Sent" : "Failed"}</Badge>{" "}
                          {ATTACH_TARGETS[a.targetType as AttachTarget]?.label ?? a.targetType} <span className="font-mono">{a.targetId}</span>
                        </li>
                      ))}
                    </ul>
                    {canAct ? <SendToRegistry fileId={f.id} fileName={f.fileName} kind={f.kind} /> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
