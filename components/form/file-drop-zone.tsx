"use client";
import { FileText, UploadCloud, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDropzone, type FileRejection } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/evidence/kinds";
import { cn } from "@/lib/utils";

export type UploadedFile = { id: string; fileName: string; mimeType: string; size: number };

type Item = {
  key: string;
  file: File;
  state: "uploading" | "done" | "refused" | "failed" | "cancelled";
  progress: number;
  message?: string;
  uploaded?: UploadedFile;
  preview?: string;
  xhr?: XMLHttpRequest;
};

export type FileDropZoneProps = {
  /** The evidence kind: decides the server's rules (types by content, size, dimensions). */
  kind: string;
  label: string;
  /** What the drop zone says it accepts, e.g. ".pdf, .png up to 10 MB". */
  hint: string;
  maxBytes: number;
  maxFiles?: number;
  /** Extensions for the file picker (the server checks the real type). */
  accept?: Record<string, string[]>;
  onUploaded?: (file: UploadedFile) => void;
  /** A quick refusal by name and size before the upload (e.g. the upstream's type list), with its exact reason. */
  check?: (file: File) => string | null;
};

/**
 * Drop or pick files; each uploads in its own request with its own progress bar and can be cancelled.
 * The browser checks size and count for a quick answer; the server decides type by content and says why
 * it refuses, and that reason is shown on the file's row.
 */
export function FileDropZone({ kind, label, hint, maxBytes, maxFiles = 10, accept, onUploaded, check }: FileDropZoneProps) {
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);
  useEffect(() => () => itemsRef.current.forEach((i) => i.preview && URL.revokeObjectURL(i.preview)), []);

  const update = (key: string, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const upload = useCallback(
    (item: Item) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/files?kind=${encodeURIComponent(kind)}`);
      xhr.setRequestHeader("X-File-Name", encodeURIComponent(item.file.name));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = (e) => e.lengthComputable && update(item.key, { progress: Math.round((e.loaded / e.total) * 100) });
      xhr.onload = () => {
        let body: { file?: UploadedFile; error?: string } = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: handled below as a failure
        }
        if (xhr.status === 201 && body.file) {
          update(item.key, { state: "done", progress: 100, uploaded: body.file });
          onUploaded?.(body.file);
        } else {
          update(item.key, { state: xhr.status === 422 || xhr.status === 413 ? "refused" : "failed", message: body.error ?? `Upload failed (HTTP ${xhr.status}).` });
        }
      };
      xhr.onerror = () => update(item.key, { state: "failed", message: "The connection was lost. Try again." });
      xhr.onabort = () => update(item.key, { state: "cancelled", message: "Cancelled." });
      xhr.send(item.file);
      update(item.key, { xhr });
    },
    [kind, onUploaded],
  );

  const onDrop = useCallback(
    (accepted: File[], rejected: FileRejection[]) => {
      const now = Date.now();
      const fresh: Item[] = [
        ...accepted.map((file, i) => ({
          key: `${now}-${i}-${file.name}`,
          file,
          state: "uploading" as const,
          progress: 0,
          preview: file.type.startsWith("image/") ? URL.createObjectURL(file) : undefined,
        })),
        ...rejected.map((r, i) => ({
          key: `${now}-r${i}-${r.file.name}`,
          file: r.file,
          state: "refused" as const,
          progress: 0,
          message: r.errors.map((e) => (e.code === "file-too-large" ? `Larger than ${formatBytes(maxBytes)}.` : e.code === "too-many-files" ? `At most ${maxFiles} files at once.` : e.message)).join(" "),
        })),
      ];
      setItems((all) => [...fresh, ...all]);
      fresh.filter((i) => i.state === "uploading").forEach(upload);
    },
    [upload, maxBytes, maxFiles],
  );

  // The drop area is not itself a control (a control may not contain another): keyboard and pointer users
  // choose files with the button inside it, and dragging works anywhere on the area.
  const validator = useCallback((file: File) => {
    const reason = check?.(file);
    return reason ? { code: "upstream-rules", message: reason } : null;
  }, [check]);
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop, maxSize: maxBytes, maxFiles, accept, multiple: maxFiles > 1, noClick: true, noKeyboard: true, validator });

  return (
    <div className="space-y-3">
      <div
        {...getRootProps({
          className: cn(
            "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
            isDragActive ? "border-primary bg-primary/5" : "border-border",
          ),
        })}
      >
        <input {...getInputProps({ "aria-label": label })} />
        <UploadCloud aria-hidden="true" className="size-8 text-muted-foreground" />
        <p className="text-sm font-medium">{isDragActive ? "Drop to upload" : "Drop files here"}</p>
        <Button type="button" variant="outline" size="sm" onClick={open}>Choose files…</Button>
        <p className="text-xs text-muted-foreground">{hint}</p>
      </div>
      {items.length > 0 ? (
        <ul className="space-y-2" aria-label={`Uploads: ${label}`} aria-live="polite">
          {items.map((i) => (
            <li key={i.key} className="flex items-center gap-3 rounded-md border p-2" data-state={i.state}>
              {i.preview ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL preview, not a remote image
                <img src={i.preview} alt="" className="size-10 shrink-0 rounded object-cover" />
              ) : (
                <FileText aria-hidden="true" className="size-10 shrink-0 p-2 text-muted-foreground" />
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">{i.file.name}</p>
                <p className={cn("text-xs", i.state === "refused" || i.state === "failed" ? "text-danger-foreground" : "text-muted-foreground")}>
                  {i.state === "uploading" ? `${formatBytes(i.file.size)} · ${i.progress}%` : i.state === "done" ? `${formatBytes(i.file.size)} · uploaded` : i.message}
                </p>
                {i.state === "uploading" ? (
                  <div className="mt-1 h-1.5 w-full overflow-hidden rounded bg-muted" role="progressbar" aria-label={`Uploading ${i.file.name}`} aria-valuenow={i.progress} aria-valuemin={0} aria-valuemax={100}>
                    <div className="h-full bg-primary transition-[width]" style={{ width: `${i.progress}%` }} />
                  </div>
                ) : null}
              </div>
              {i.state === "uploading" ? (
                <Button type="button" variant="ghost" size="icon" aria-label={`Cancel ${i.file.name}`} onClick={() => i.xhr?.abort()}>
                  <X aria-hidden="true" />
                </Button>
              ) : i.state === "failed" || i.state === "cancelled" ? (
                <Button type="button" variant="outline" size="sm" onClick={() => { update(i.key, { state: "uploading", progress: 0, message: undefined }); upload(i); }}>
                  Retry
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
