"use client";
import { Download, FileText, UploadCloud } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { useDropzone } from "react-dropzone";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/billing/fees";
import { formatBytes } from "@/lib/evidence/kinds";
import type { ImportKind } from "@/lib/imports/columns";
import type { DryRunResult, RowIssue } from "@/lib/imports/dry-run";
import type { MappingResult } from "@/lib/imports/mapping";
import { RunImport } from "./run-import";

export type ColumnChoice = { field: string; label: string; required: string };

/** What POST /api/imports/dry-run answers: the dry run, or why the file could not be checked (with its headers when readable). */
type DryRunAnswer = DryRunResult & { kind: ImportKind; headers: string[]; mapping: MappingResult; delimiter: string };
type FileRefusal = { error: string; problem?: string; headers?: string[]; mapping?: MappingResult };

const PAGE = 100;
const KIND_LABEL: Record<ImportKind, string> = { brands: "Brands", campaigns: "Campaigns" };
const MAPPING_HEADER = "x-import-mapping";

/**
 * Posts the file (after the brand file its brandRef column names, for campaigns) to the dry-run route, or with
 * `run` to the run route (a quote without `confirm`, the start with it).
 */
function post(kind: ImportKind, file: File, brandFile: File | null, mapping: Record<string, string | null> | null, csv = false, run?: { confirm?: number }) {
  const brands = kind === "campaigns" && brandFile ? brandFile : null;
  // For the CSV the file goes twice: the route dry-runs the first copy and writes the second with each row's errors.
  const parts: Blob[] = [...(brands ? [brands] : []), file, ...(csv ? [file] : [])];
  const url = run
    ? `/api/imports/run?kind=${kind}${run.confirm === undefined ? "" : `&confirm=${run.confirm}`}`
    : `/api/imports/dry-run?kind=${kind}${csv ? "&format=csv" : ""}`;
  return fetch(url, {
    method: "POST",
    body: parts.length === 1 ? file : new Blob(parts),
    headers: {
      "Content-Type": "text/csv",
      ...(mapping ? { [MAPPING_HEADER]: encodeURIComponent(JSON.stringify(mapping)) } : {}),
      ...(brands ? { "x-brand-file-bytes": String(brands.size) } : {}),
      ...(csv ? { "x-file-bytes": String(file.size) } : {}),
    },
  });
}

/**
 * Pick the kind, download its template, drop a CSV, fix the column mapping, read the dry run. The file stays in
 * the browser (a File object) and is posted again for every check and for the CSV download: nothing is stored.
 */
export function ImportWorkbench({ columns, maxBytes, maxRows }: { columns: Record<ImportKind, ColumnChoice[]>; maxBytes: number; maxRows: number }) {
  const [kind, setKind] = useState<ImportKind>("brands");
  const [file, setFile] = useState<File | null>(null);
  const [brandFile, setBrandFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<DryRunAnswer | null>(null);
  const [refusal, setRefusal] = useState<FileRefusal | null>(null);
  /** The mapping the user is editing: every header → field ("" = not imported). */
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const check = useCallback(
    async (f: File, k: ImportKind, mapping: Record<string, string | null> | null, brands: File | null) => {
      setBusy(true);
      setDownloadError(null);
      try {
        const res = await post(k, f, brands, mapping);
        const body = (await res.json().catch(() => ({ error: `The check failed (HTTP ${res.status}).` }))) as DryRunAnswer | FileRefusal;
        if (res.ok && "rows" in body) {
          setAnswer(body);
          setRefusal(null);
        } else {
          setAnswer(null);
          setRefusal(body as FileRefusal);
        }
        const m = ("mapping" in body ? body.mapping : undefined)?.mapping;
        if (m) setChoice(Object.fromEntries(Object.entries(m).map(([h, v]) => [h, v ?? ""])));
      } catch {
        setAnswer(null);
        setRefusal({ error: "The connection was lost. Try again." });
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const onDrop = useCallback(
    (accepted: File[]) => {
      const f = accepted[0];
      if (!f) return;
      setFile(f);
      setAnswer(null);
      setChoice({});
      if (f.size > maxBytes) {
        setRefusal({ error: `The file is larger than ${formatBytes(maxBytes)}: split it into smaller files.`, problem: "TOO_LARGE" });
        return;
      }
      void check(f, kind, null, brandFile);
    },
    [check, kind, maxBytes, brandFile],
  );
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop, multiple: false, noClick: true, noKeyboard: true });

  const changeKind = (k: ImportKind) => {
    setKind(k);
    setAnswer(null);
    setRefusal(null);
    setChoice({});
    if (file) void check(file, k, null, brandFile);
  };

  const headers = answer?.headers ?? refusal?.headers ?? null;
  const mapping = answer?.mapping ?? refusal?.mapping ?? null;
  const chosenMapping = useMemo(() => Object.fromEntries(Object.entries(choice).map(([h, f]) => [h, f || null])), [choice]);

  async function downloadCsv() {
    if (!file || !answer) return;
    setDownloadError(null);
    const res = await post(kind, file, brandFile, chosenMapping, true);
    if (!res.ok) {
      setDownloadError(((await res.json().catch(() => null)) as FileRefusal | null)?.error ?? `The download failed (HTTP ${res.status}).`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = `dry-run-${kind}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="import-kind-heading" className="space-y-3">
        <h2 id="import-kind-heading" className="text-lg font-semibold">1. What the file holds</h2>
        <div className="flex flex-wrap items-end gap-4">
          <FormField label="The file holds" htmlFor="import-kind" className="w-48">
            <NativeSelect value={kind} onChange={(e) => changeKind(e.target.value as ImportKind)}>
              {(Object.keys(KIND_LABEL) as ImportKind[]).map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </NativeSelect>
          </FormField>
          <Button asChild variant="outline" size="sm">
            <a href={`/api/imports/templates/${kind}`} download><Download aria-hidden="true" />Download the {kind === "brands" ? "brand" : "campaign"} template</a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <a href={`/api/imports/templates/${kind}?explained=1`} download><FileText aria-hidden="true" />Download the columns explained</a>
          </Button>
        </div>
        <p className="text-sm text-muted-foreground">
          The template&apos;s header row names the registry&apos;s fields{kind === "brands" ? " and has one example row per entity type" : ""}. Other headers work too: the columns are guessed from them and you can correct the guess.
        </p>
      </section>

      <section aria-labelledby="import-upload-heading" className="space-y-3">
        <h2 id="import-upload-heading" className="text-lg font-semibold">2. Upload the CSV</h2>
        <div
          {...getRootProps({
            className: `flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors ${isDragActive ? "border-primary bg-primary/5" : "border-border"}`,
          })}
        >
          <input {...getInputProps({ "aria-label": "CSV file to check" })} />
          <UploadCloud aria-hidden="true" className="size-8 text-muted-foreground" />
          <p className="text-sm font-medium">{isDragActive ? "Drop to check" : "Drop a CSV file here"}</p>
          <Button type="button" variant="outline" size="sm" onClick={open}>Choose a file…</Button>
          <p className="text-xs text-muted-foreground">
            CSV (comma, semicolon, tab or | separated), UTF-8 · up to {formatBytes(maxBytes)} and {maxRows.toLocaleString("en-US")} rows. From Excel, save as &ldquo;CSV UTF-8&rdquo;.
          </p>
        </div>
        {kind === "campaigns" ? (
          <FormField
            label="Brand file (optional)"
            htmlFor="import-brand-file"
            description="When the brandRef column names brand rows of a brand import file, choose that file: its rows are checked first and each campaign waits for its brand."
            className="max-w-xl"
          >
            <Input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                const b = e.target.files?.[0] ?? null;
                setBrandFile(b);
                if (file) void check(file, kind, chosenMapping, b);
              }}
            />
          </FormField>
        ) : null}
        <div aria-live="polite" className="space-y-3">
          {file ? (
            <p className="flex items-center gap-2 text-sm">
              <FileText aria-hidden="true" className="size-4 text-muted-foreground" />
              <span className="font-medium">{file.name}</span>
              <span className="text-muted-foreground">{formatBytes(file.size)}</span>
              {busy ? <><Spinner className="size-4" /><span>Checking every row…</span></> : null}
            </p>
          ) : null}
          {refusal ? (
            <Alert tone="danger">
              <AlertTitle>This file cannot be checked</AlertTitle>
              <AlertDescription>{refusal.error}</AlertDescription>
            </Alert>
          ) : null}
        </div>
      </section>

      {file && headers && mapping ? (
        <MappingEditor
          kind={kind}
          headers={headers}
          mapping={mapping}
          columns={columns[kind]}
          choice={choice}
          onChoose={(h, f) => setChoice((c) => ({ ...c, [h]: f }))}
          busy={busy}
          onCheck={() => void check(file, kind, chosenMapping, brandFile)}
        />
      ) : null}

      {answer ? <Results answer={answer} onDownload={downloadCsv} downloadError={downloadError} /> : null}
      {answer && file && answer.totals.ok > 0 ? (
        <RunImport key={`${kind}:${file.name}:${file.size}:${answer.totals.ok}`} send={(confirm) => post(kind, file, brandFile, chosenMapping, false, { confirm })} />
      ) : null}
    </div>
  );
}

function MappingEditor({ kind, headers, mapping, columns, choice, onChoose, busy, onCheck }: {
  kind: ImportKind;
  headers: string[];
  mapping: MappingResult;
  columns: ColumnChoice[];
  choice: Record<string, string>;
  onChoose: (header: string, field: string) => void;
  busy: boolean;
  onCheck: () => void;
}) {
  const byField = new Map(columns.map((c) => [c.field, c]));
  return (
    <section aria-labelledby="import-mapping-heading" className="space-y-3">
      <h2 id="import-mapping-heading" className="text-lg font-semibold">3. Columns</h2>
      <p className="text-sm text-muted-foreground">Each column of your file and the {kind === "brands" ? "brand" : "campaign"} field it fills. Correct a guess and check the file again.</p>
      {mapping.missing.length ? (
        <Alert tone="warning">
          <AlertTitle>Required columns not found</AlertTitle>
          <AlertDescription>
            <p>No column fills {mapping.missing.join(", ")}. Choose the column of your file that holds {mapping.missing.length > 1 ? "each" : "it"}.</p>
          </AlertDescription>
        </Alert>
      ) : null}
      {mapping.problems.length ? (
        <Alert tone="warning">
          <AlertTitle>The mapping has problems</AlertTitle>
          <AlertDescription><ul className="list-disc pl-4">{mapping.problems.map((p) => <li key={p}>{p}</li>)}</ul></AlertDescription>
        </Alert>
      ) : null}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Column in your file</TableHead>
            <TableHead scope="col">Field</TableHead>
            <TableHead scope="col">Required</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {headers.map((h, i) => {
            const f = choice[h] ?? "";
            return (
              <TableRow key={`${i}-${h}`}>
                <TableCell className="font-medium">{h || <span className="text-muted-foreground">(no name)</span>}</TableCell>
                <TableCell>
                  <FormField label={`Field for column ${h || i + 1}`} htmlFor={`import-map-${i}`} hideLabel className="max-w-sm">
                    <NativeSelect value={f} onChange={(e) => onChoose(h, e.target.value)}>
                      <option value="">Not imported</option>
                      {columns.map((c) => <option key={c.field} value={c.field}>{c.field} — {c.label}</option>)}
                    </NativeSelect>
                  </FormField>
                </TableCell>
                <TableCell className="text-sm text-muted-foreground">
                  {f ? byField.get(f)?.required : mapping.unmapped.includes(h) ? <Badge tone="neutral">Not imported</Badge> : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Button type="button" onClick={onCheck} disabled={busy}>{busy ? <Spinner className="size-4" /> : null}Check again with these columns</Button>
    </section>
  );
}

function Results({ answer, onDownload, downloadError }: { answer: DryRunAnswer; onDownload: () => Promise<void>; downloadError: string | null }) {
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [page, setPage] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const { totals } = answer;

  // field → the file's column that holds it; issues about a field no column fills get a column of their own.
  const { cols, columnOf } = useMemo(() => {
    const headerOf = new Map<string, string>();
    for (const h of answer.headers) {
      const f = answer.mapping.mapping[h];
      if (f && !headerOf.has(f)) headerOf.set(f, h);
    }
    const keys: { key: string; label: string }[] = [];
    const seen = new Set<string>();
    const columnOf = (issue: RowIssue) => (headerOf.has(issue.field) ? `h:${headerOf.get(issue.field)}` : `f:${issue.field}`);
    for (const r of answer.rows) {
      for (const e of r.errors) {
        const k = columnOf(e);
        if (seen.has(k)) continue;
        seen.add(k);
        keys.push({ key: k, label: headerOf.has(e.field) ? `${headerOf.get(e.field)} (${e.field})` : `${e.field} (no column)` });
      }
    }
    const order = (k: string) => (k.startsWith("h:") ? answer.headers.indexOf(k.slice(2)) : answer.headers.length);
    keys.sort((a, b) => order(a.key) - order(b.key));
    return { cols: keys, columnOf };
  }, [answer]);

  const shown = onlyErrors ? answer.rows.filter((r) => !r.ok) : answer.rows;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  const slice = shown.slice(at * PAGE, at * PAGE + PAGE);

  return (
    <section aria-labelledby="import-results-heading" className="space-y-4">
      <h2 id="import-results-heading" className="text-lg font-semibold">4. Dry run</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg border p-4 sm:col-span-1">
          <dt className="text-sm text-muted-foreground">Cost of the ready rows</dt>
          <dd className="text-3xl font-semibold">{formatUsd(totals.cost_usd)}</dd>
        </div>
        <div className="rounded-lg border p-4"><dt className="text-sm text-muted-foreground">Rows</dt><dd className="text-2xl font-semibold">{totals.rows.toLocaleString("en-US")}</dd></div>
        <div className="rounded-lg border p-4"><dt className="text-sm text-muted-foreground">Ready</dt><dd className="text-2xl font-semibold">{totals.ok.toLocaleString("en-US")}</dd></div>
        <div className="rounded-lg border p-4"><dt className="text-sm text-muted-foreground">With errors</dt><dd className="text-2xl font-semibold">{totals.failed.toLocaleString("en-US")}</dd></div>
      </dl>
      <Alert tone="info">
        <AlertTitle>Nothing is sent or charged by a dry run</AlertTitle>
        <AlertDescription>
          The cost is what registering the ready rows would cost: brand fees, the vettings the file asks for, and each campaign&apos;s monthly fee where the registry states it. Fix the rows with errors in your spreadsheet and upload the file again.
        </AlertDescription>
      </Alert>
      <div className="flex flex-wrap items-center gap-4">
        <FormField label="Only rows with errors" htmlFor="import-only-errors" layout="inline">
          <Checkbox checked={onlyErrors} onCheckedChange={(v) => { setOnlyErrors(v === true); setPage(0); }} />
        </FormField>
        <Button type="button" variant="outline" size="sm" disabled={downloading} onClick={async () => { setDownloading(true); try { await onDownload(); } finally { setDownloading(false); } }}>
          {downloading ? <Spinner className="size-4" /> : <Download aria-hidden="true" />}Download the dry run as CSV
        </Button>
      </div>
      {downloadError ? <Alert tone="danger"><AlertDescription>{downloadError}</AlertDescription></Alert> : null}
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">{onlyErrors ? "No row has errors." : "The file has no rows."}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <Table aria-label="Rows of the dry run">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Line</TableHead>
                  <TableHead scope="col">Result</TableHead>
                  {cols.map((c) => <TableHead key={c.key} scope="col">{c.label}</TableHead>)}
                  <TableHead scope="col">Warnings</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {slice.map((r) => (
                  <TableRow key={r.line}>
                    <TableCell>{r.line}</TableCell>
                    <TableCell>{r.ok ? <Badge tone="success">Ready</Badge> : <Badge tone="danger">{r.errors.length === 1 ? "1 error" : `${r.errors.length} errors`}</Badge>}</TableCell>
                    {cols.map((c) => {
                      const here = r.errors.filter((e) => columnOf(e) === c.key);
                      return (
                        <TableCell key={c.key} className="max-w-xs align-top text-sm whitespace-normal">
                          {here.length ? <span className="text-danger-foreground">{here.map((e) => e.message).join("; ")}</span> : null}
                        </TableCell>
                      );
                    })}
                    <TableCell className="max-w-xs align-top text-sm whitespace-normal text-muted-foreground">
                      {r.warnings.map((w) => `${w.field}: ${w.message}`).join("; ")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <nav aria-label="Dry run pages" className="flex items-center gap-3 text-sm">
            <span>
              Rows {(at * PAGE + 1).toLocaleString("en-US")}–{(at * PAGE + slice.length).toLocaleString("en-US")} of {shown.length.toLocaleString("en-US")}
              {onlyErrors ? " with errors" : ""}
            </span>
            {pages > 1 ? (
              <>
                <Button type="button" variant="outline" size="sm" disabled={at === 0} onClick={() => setPage(at - 1)}>Previous</Button>
                <span>Page {at + 1} of {pages}</span>
                <Button type="button" variant="outline" size="sm" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>Next</Button>
              </>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}
