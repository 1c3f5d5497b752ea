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
import { EvidenceUploader } from "./_components/evidence-uploader";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const ctx = await currentContext();
  if (!ctx) redirect("/sign-in");
  const files = await listEvidence(db(), ctx.org.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Evidence"
        description="Files kept for the registry: appeal evidence, supporting documents, MMS samples and brand imagery. Each is checked by its contents, not its name, before it is stored."
      />
      {can(ctx.role, "registry.act") ? <EvidenceUploader /> : null}
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
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
