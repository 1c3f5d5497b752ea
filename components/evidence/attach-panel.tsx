"use client";
/**
 * AttachPanel: the files the registry holds for one brand appeal or campaign, and the way to add more.
 *
 *   import { AttachPanel } from "@/components/evidence/attach-panel";
 *   // campaign detail page (a server component may render it directly):
 *   <AttachPanel target={{ targetType: "CAMPAIGN_MMS", targetId: campaign.campaignId }} canAct={can(ctx.role, "registry.act")} />
 *   <AttachPanel target={{ targetType: "CAMPAIGN_SUPPORTING_DOCUMENT", targetId: campaign.campaignId }} canAct={canAct} />
 *   // brand appeal form: the appeal request takes the registry's uuids of its evidence
 *   <AttachPanel target={{ targetType: "BRAND_APPEAL_EVIDENCE", targetId: brandId }} canAct
 *     onRegistryFilesChange={(files) => setValue("attachmentUuids", files.map((f) => f.uuid))} />
 *
 * It loads through server actions (no props from the page beyond the target), so it works inside client
 * forms too. Dropped files are uploaded to the library (checked by content), then sent to the registry;
 * library files of the right kind can be picked instead. Each send shows its state: sending, attached with
 * the registry's uuid, or failed with the reason and a Retry that re-sends the already-stored file. The
 * registry's own list for the target is shown with Download and Delete (confirmed) through the registry.
 * Without `canAct` (viewers) it only lists and downloads.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText, RotateCw, Trash2 } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { FileDropZone } from "@/components/form/file-drop-zone";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter,
  AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { attachEvidenceAction, deleteRegistryFileAction, loadAttachPanelAction, type AttachPanelData } from "@/lib/evidence/actions";
import { ATTACH_TARGETS, registryDownloadHref, type AttachTarget, type RegistryFile } from "@/lib/evidence/attach-targets";
import { acceptedExtensions, APPEAL_LIMITS, formatBytes, KIND_RULES, refuseByName, rulesFor, type EvidenceKind } from "@/lib/evidence/kinds";

export type { RegistryFile };

export type AttachPanelProps = {
  /** Where files go: a brand's appeal evidence (B…) or a campaign's MMS samples / supporting documents (C…). */
  target: { targetType: AttachTarget; targetId: string };
  /** May upload, attach, retry and delete (role OPERATOR and up: `can(role, "registry.act")`). */
  canAct: boolean;
  /** Heading; defaults to the target's title, e.g. "MMS samples". */
  title?: string;
  /** Heading level inside the host page (default 2). */
  headingLevel?: 2 | 3;
  /** Called with the registry's list for the target whenever it is (re)loaded. */
  onRegistryFilesChange?: (files: RegistryFile[]) => void;
};

type Send = { fileId: string; fileName: string; state: "sending" | "attached" | "failed"; registryUuid?: string | null; error?: string };

export function AttachPanel({ target, canAct, title, headingLevel = 2, onRegistryFilesChange }: AttachPanelProps) {
  const { targetType, targetId } = target;
  const def = ATTACH_TARGETS[targetType];
  const kind: EvidenceKind = def.kinds[0];
  const headingId = useId();
  const queryClient = useQueryClient();
  const queryKey = ["evidence-attach-panel", targetType, targetId];
  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<AttachPanelData> => {
      const r = await loadAttachPanelAction({ targetType, targetId });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    staleTime: 0,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const [sends, setSends] = useState<Send[]>([]);
  const [picked, setPicked] = useState("");

  const onChange = useRef(onRegistryFilesChange);
  useEffect(() => {
    onChange.current = onRegistryFilesChange;
  }, [onRegistryFilesChange]);
  const registryFiles = query.data?.registry.ok ? query.data.registry.files : undefined;
  const upstream = query.data?.upstream;
  const rules = rulesFor(kind, upstream);
  useEffect(() => {
    if (registryFiles) onChange.current?.(registryFiles);
  }, [registryFiles]);

  const attach = useCallback(
    async (fileId: string, fileName: string) => {
      const put = (s: Send) => setSends((all) => [s, ...all.filter((x) => x.fileId !== fileId)]);
      put({ fileId, fileName, state: "sending" });
      const r = await attachEvidenceAction({ fileId, targetType, targetId });
      put(r.ok ? { fileId, fileName, state: "attached", registryUuid: r.data.registryUuid } : { fileId, fileName, state: "failed", error: r.fieldErrors?.fileId ?? r.error });
      await queryClient.invalidateQueries({ queryKey: ["evidence-attach-panel", targetType, targetId] });
    },
    [queryClient, targetType, targetId],
  );

  const remove = async (f: RegistryFile) => {
    const r = await deleteRegistryFileAction({ targetType, targetId, uuid: f.uuid });
    if (!r.ok) {
      toast.error(r.error);
      return;
    }
    toast.success(`${f.fileName ?? "The file"} was deleted from the registry.`);
    setSends((all) => all.filter((s) => s.registryUuid !== f.uuid));
    await refresh();
  };

  const data = query.data;
  // This session's sends first, then earlier sends that failed (attached ones are in the registry's list).
  const recorded: Send[] = (data?.attachments ?? [])
    .filter((a) => a.state === "FAILED" && !sends.some((s) => s.fileId === a.fileId))
    .map((a) => ({ fileId: a.fileId, fileName: a.file.fileName, state: "failed", error: a.error ?? undefined }));
  const allSends = [...sends, ...recorded];
  const attachedIds = new Set([
    ...sends.filter((s) => s.state !== "failed").map((s) => s.fileId),
    ...(data?.attachments ?? []).filter((a) => a.state === "ATTACHED").map((a) => a.fileId),
  ]);
  const pickable = (data?.library ?? []).filter((f) => !attachedIds.has(f.id));
  const libraryName = new Map((data?.library ?? []).map((f) => [f.id, f.fileName]));
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const heading = title ?? def.title;
  const dims = rules.dimensions ? `, exactly ${rules.dimensions.width}×${rules.dimensions.height} px` : "";
  const limits = targetType === "BRAND_APPEAL_EVIDENCE" ? ` · at most ${APPEAL_LIMITS.files} files and ${formatBytes(APPEAL_LIMITS.totalBytes)} per appeal` : "";

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border p-4" data-testid={`attach-panel-${targetType}`}>
      <div>
        <H id={headingId} className="text-base font-semibold">
          {heading} <span className="font-mono text-sm font-normal text-muted-foreground">{targetId}</span>
        </H>
        <p className="text-sm text-muted-foreground">Files sent to the registry as {def.label} {targetId}. Everything sent stays in the evidence library.</p>
      </div>

      <div className="space-y-2">
        <Sub className="text-sm font-semibold">At the registry</Sub>
        {query.isPending ? (
          <Spinner label="Loading the registry's files" showLabel />
        ) : query.isError ? (
          <Alert tone="danger"><AlertDescription>{query.error.message} <Button variant="link" size="sm" className="h-auto px-0" onClick={() => void refresh()}>Try again</Button></AlertDescription></Alert>
        ) : !data!.registry.ok ? (
          <Alert tone="warning"><AlertDescription>The registry&apos;s list could not be read: {data!.registry.error} <Button variant="link" size="sm" className="h-auto px-0" onClick={() => void refresh()}>Try again</Button></AlertDescription></Alert>
        ) : data!.registry.files.length === 0 ? (
          <p className="text-sm text-muted-foreground">The registry holds no {def.title.toLowerCase()} for {targetId} yet.</p>
        ) : (
          <ul className="divide-y rounded-md border" aria-label={`${heading} at the registry`}>
            {data!.registry.files.map((f) => {
              const name = f.fileName ?? "Unnamed file";
              return (
                <li key={f.uuid} className="flex flex-wrap items-center gap-3 p-2 text-sm">
                  <FileText aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">{name}</p>
                    <p className="text-xs text-muted-foreground">
                      {f.mimeType ?? "type not stated"} · uuid <span className="font-mono">{f.uuid}</span> ·{" "}
                      {f.fileId ? `sent from the library${libraryName.get(f.fileId) && libraryName.get(f.fileId) !== name ? ` (${libraryName.get(f.fileId)})` : ""}` : "added outside this portal"}
                    </p>
                  </div>
                  <Button asChild variant="outline" size="sm">
                    <a href={registryDownloadHref(target, f.uuid)} download aria-label={`Download ${name} from the registry`}>
                      <Download aria-hidden="true" /> Download
                    </a>
                  </Button>
                  {canAct ? (
                    <AlertDialog>
                      <AlertDialogTrigger asChild>
                        <Button variant="ghost" size="sm" aria-label={`Delete ${name} from the registry`}>
                          <Trash2 aria-hidden="true" /> Delete
                        </Button>
                      </AlertDialogTrigger>
                      <AlertDialogContent>
                        <AlertDialogHeader>
                          <AlertDialogTitle>Delete {name} from the registry?</AlertDialogTitle>
                          <AlertDialogDescription>
                            The registry removes its copy from {def.label} {targetId}. The evidence library keeps this portal&apos;s copy, so it can be sent again.
                          </AlertDialogDescription>
                        </AlertDialogHeader>
                        <AlertDialogFooter>
                          <AlertDialogCancel>Cancel</AlertDialogCancel>
                          <AlertDialogAction variant="destructive" onClick={() => void remove(f)}>Delete from the registry</AlertDialogAction>
                        </AlertDialogFooter>
                      </AlertDialogContent>
                    </AlertDialog>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {allSends.length > 0 ? (
        <div className="space-y-2">
          <Sub className="text-sm font-semibold">Sent from this portal</Sub>
          <ul className="space-y-1" aria-label={`${heading} sent from this portal`} aria-live="polite">
            {allSends.map((s) => (
              <li key={s.fileId} className="flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm" data-state={s.state}>
                <span className="min-w-0 flex-1 truncate font-medium">{s.fileName}</span>
                {s.state === "sending" ? (
                  <Spinner label={`Sending ${s.fileName} to the registry`} showLabel />
                ) : s.state === "attached" ? (
                  <span className="flex items-center gap-2">
                    <Badge tone="success">Attached</Badge>
                    <span className="text-xs text-muted-foreground">registry uuid <span className="font-mono">{s.registryUuid}</span></span>
                  </span>
                ) : (
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone="danger">Failed</Badge>
                    <span className="text-xs text-danger-foreground">{s.error}</span>
                    {canAct ? (
                      <Button variant="outline" size="sm" onClick={() => void attach(s.fileId, s.fileName)} aria-label={`Retry sending ${s.fileName}`}>
                        <RotateCw aria-hidden="true" /> Retry
                      </Button>
                    ) : null}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {canAct ? (
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <div className="space-y-2">
            <Sub className="text-sm font-semibold">Add new files</Sub>
            <FileDropZone
              kind={kind}
              label={`Upload ${def.title.toLowerCase()} for ${targetId}`}
              hint={`${acceptedExtensions(kind, upstream).map((e) => `.${e}`).join(", ")} · up to ${formatBytes(rules.maxBytes)} each${dims}${limits}`}
              maxBytes={rules.maxBytes}
              check={upstream === "VONAGE" ? (f) => refuseByName(rules, f) : undefined}
              maxFiles={targetType === "BRAND_APPEAL_EVIDENCE" ? APPEAL_LIMITS.files : 10}
              onUploaded={(f) => void attach(f.id, f.fileName)}
            />
          </div>
          <form
            className="space-y-2"
            aria-label={`Attach ${def.title.toLowerCase()} from the library`}
            onSubmit={(e) => {
              e.preventDefault();
              const f = pickable.find((x) => x.id === picked);
              if (!f) return;
              setPicked("");
              void attach(f.id, f.fileName);
            }}
          >
            <Sub className="text-sm font-semibold">From the evidence library</Sub>
            {pickable.length === 0 ? (
              <p className="text-sm text-muted-foreground">{query.isPending ? "Loading…" : `No other ${KIND_RULES[kind].label} files in the library.`}</p>
            ) : (
              <>
                <label className="grid gap-1 text-sm font-medium">
                  Library file
                  <NativeSelect value={picked} onChange={(e) => setPicked(e.target.value)}>
                    <option value="">Choose a file…</option>
                    {pickable.map((f) => (
                      <option key={f.id} value={f.id}>{f.fileName} ({formatBytes(f.size)})</option>
                    ))}
                  </NativeSelect>
                </label>
                <Button type="submit" size="sm" disabled={!picked}>Attach</Button>
              </>
            )}
          </form>
        </div>
      ) : null}
    </section>
  );
}
