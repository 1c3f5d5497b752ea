import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, type RawSearchParams } from "@/components/data-table";
import { AttachPanel } from "@/components/evidence/attach-panel";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ATTACH_TARGETS, ATTACH_TARGET_TYPES, isAttachTarget, targetSchema } from "@/lib/evidence/attach-targets";
import { EVIDENCE_KINDS, formatBytes, KIND_RULES } from "@/lib/evidence/kinds";
import { brandsWithEvidence, listEvidence, type TargetName } from "@/lib/evidence/queries";
import { EVIDENCE_PATH, evidenceHref, hasEvidenceFilters, parseEvidenceFilters } from "@/lib/evidence/search-params";
import { formatDateTime } from "@/lib/format";
import { EvidenceUploader } from "./_components/evidence-uploader";
import { capabilitiesFor } from "@/lib/registry/client";
import { SendToRegistry } from "./_components/send-to-registry";

export const metadata: Metadata = { title: "Evidence" };

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** "ABC Mobile (B1A2B3C)" or "campaign C1A2B3C · ACCOUNT_NOTIFICATION · ABC Mobile": what a use points at. */
function describeTarget(id: string, n: TargetName | undefined): string {
  if (id.startsWith("B")) return n?.brandName ? `${n.brandName} (${id})` : id;
  return [`campaign ${id}`, n?.name, n?.brandName ?? n?.brandId].filter(Boolean).join(" · ");
}

export default async function EvidencePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const f = parseEvidenceFilters(await searchParams);
  const [{ files, total, names }, brands] = await Promise.all([listEvidence(db(), ctx.org.id, f), brandsWithEvidence(db(), ctx.org.id)]);
  const canAct = can(ctx.role, "registry.act");
  const filtered = hasEvidenceFilters(f);
  // One use of one brand or campaign chosen: show what the registry holds for it, with the attach panel.
  const panelTarget = f.use && f.target ? targetSchema.safeParse({ targetType: f.use, targetId: f.target }) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Evidence"
        description="Files kept for the registry: appeal evidence, supporting documents, MMS samples and brand imagery. Each is checked by its contents, not its name, before it is stored, and can be reused for several appeals and campaigns."
      />
      {canAct ? <EvidenceUploader upstream={(await capabilitiesFor(db(), ctx.org.id)).kind} /> : null}
      <section aria-labelledby="library-heading" className="space-y-3">
        <h2 id="library-heading" className="text-lg font-semibold">Library</h2>
        <FilterBar
          action={EVIDENCE_PATH}
          label="Filter evidence"
          active={filtered}
          clearHref={EVIDENCE_PATH}
          fields={[
            { kind: "search", name: "q", label: "File name", value: f.q, placeholder: "Part of a file name", className: "w-56" },
            { kind: "select", name: "kind", label: "Kind", value: f.kind, allLabel: "All kinds", options: EVIDENCE_KINDS.map((k) => ({ value: k, label: capital(KIND_RULES[k].label) })), className: "w-48" },
            { kind: "select", name: "brand", label: "Used for brand", value: f.brand, allLabel: "Any brand", options: brands.map((b) => ({ value: b.brandId, label: b.name ? `${b.name} (${b.brandId})` : b.brandId })), className: "w-56" },
            { kind: "select", name: "use", label: "Used as", value: f.use, allLabel: "Any use", options: ATTACH_TARGET_TYPES.map((t) => ({ value: t, label: ATTACH_TARGETS[t].title })), className: "w-48" },
            { kind: "search", name: "target", label: "Brand or campaign id", value: f.target, placeholder: "B… or C…", className: "w-40" },
            { kind: "checkbox", name: "unused", label: "Never sent", checked: Boolean(f.unused) },
          ]}
        />
        {panelTarget?.success ? (
          <AttachPanel target={panelTarget.data} canAct={canAct} />
        ) : f.target && !f.use ? (
          <p className="text-sm text-muted-foreground">Choose what the files are used as (appeal evidence, MMS samples or supporting documents) to see what the registry holds for {f.target} and add files to it.</p>
        ) : null}
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {total === 0 ? null : total > files.length ? `The newest ${files.length} of ${total} files.` : `${total} ${total === 1 ? "file" : "files"}.`}
        </p>
        {files.length === 0 ? (
          filtered ? (
            <EmptyState title="No files match" description="No file in the library matches these filters." action={<Link className="text-sm font-medium text-primary underline-offset-4 hover:underline" href={EVIDENCE_PATH}>Show all files</Link>} />
          ) : (
            <EmptyState title="No files yet" description="Uploaded files appear here and can be downloaded or reused." />
          )
        ) : (
          <Table label="Evidence files">
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Size</TableHead>
                <TableHead>Uploaded</TableHead>
                <TableHead>Uses at the registry</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((file) => (
                <TableRow key={file.id}>
                  <TableCell>
                    <a className="font-medium text-primary underline-offset-4 hover:underline" href={`/api/files/${file.id}`} download>
                      {file.fileName}
                    </a>
                  </TableCell>
                  <TableCell>{capital(KIND_RULES[file.kind as keyof typeof KIND_RULES]?.label ?? file.kind)}</TableCell>
                  <TableCell className="font-mono text-xs">{file.mimeType}{file.width ? ` · ${file.width}×${file.height}` : ""}</TableCell>
                  <TableCell className="tabular-nums">{formatBytes(file.size)}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(file.createdAt)}</TableCell>
                  <TableCell>
                    {file.attachments.length === 0 ? <span className="text-xs text-muted-foreground">Not sent yet</span> : null}
                    <ul className="space-y-1 text-xs">
                      {file.attachments.map((a) => {
                        const known = isAttachTarget(a.targetType);
                        return (
                          <li key={`${a.targetType}-${a.targetId}`}>
                            <Badge tone={a.state === "ATTACHED" ? "success" : "danger"}>{a.state === "ATTACHED" ? "Sent" : "Failed"}</Badge>{" "}
                            {known ? (
                              <Link className="text-primary underline-offset-4 hover:underline" href={evidenceHref({}, { use: a.targetType as typeof f.use, target: a.targetId })}>
                                {ATTACH_TARGETS[a.targetType as keyof typeof ATTACH_TARGETS].title} · {describeTarget(a.targetId, names[a.targetId])}
                              </Link>
                            ) : (
                              <span>{a.targetType} · {a.targetId}</span>
                            )}
                            {a.state === "FAILED" && a.error ? <span className="block text-danger-foreground">{a.error}</span> : null}
                          </li>
                        );
                      })}
                    </ul>
                    {canAct ? <SendToRegistry fileId={file.id} fileName={file.fileName} kind={file.kind} /> : null}
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
