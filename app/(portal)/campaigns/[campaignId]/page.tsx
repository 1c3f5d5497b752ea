import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { carrierRows } from "@/lib/campaigns/builder";
import { MNO_IDS, mnoName, sortMnoIds } from "@/lib/campaigns/carriers";
import { groupCampaignFields } from "@/lib/campaigns/fields";
import { formatMoney } from "@/lib/campaigns/labels";
import { PAGE_KIND_LABELS } from "@/lib/campaigns/pages/check";
import { listCampaignPageSnapshots } from "@/lib/campaigns/pages/snapshots";
import { campaignRegistryDetail, getCampaign } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { formatDate, formatDateTime, routeSegment } from "@/lib/format";
import { campaignTimeline } from "@/lib/timeline/queries";
import { CampaignStatus, OperationStatus, SharingStatus } from "../_components/campaign-labels";
import { AutoRenewalToggle, DeactivateDialog, NudgeDialog, RefreshCampaignButton, ResubmitDialog } from "./_components/campaign-actions";
import { CampaignFileUploader } from "./_components/campaign-files";
import { CampaignTags } from "./_components/campaign-tags";
import { Timeline } from "@/components/timeline/timeline";
import { EditCampaignDialog } from "./_components/edit-campaign-dialog";
import { RemoveExcludedDialog, ShareDialog } from "./_components/sharing-actions";
import { providerGate } from "@/components/providers/provider-gate";
import { VonageReview } from "./_components/vonage-review";
import { NotOffered } from "@/components/providers/not-offered";
import { capabilitiesFor } from "@/lib/registry/client";
import { vonageCampaignLive } from "@/lib/campaigns/numbers";
import { NUMBER_STATE_MEANING } from "@/lib/campaigns/numbers-schemas";
import { LinkNumberForm, RefreshNumbersButton, UnlinkNumberButton } from "./_components/vonage-numbers";

type Params = { params: Promise<{ campaignId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Campaign ${routeSegment((await params).campaignId)}` };
}

const DATE_KEYS = new Set(["createDate", "billedDate", "expirationDate"]);

function FieldValue({ k, value }: { k: string; value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-muted-foreground">—</span>;
  if (k === "status" && typeof value === "string") return <CampaignStatus value={value} />;
  if (k === "monthlyFee" && typeof value === "number") return <span>{formatMoney(value)}</span>;
  if (k === "resellerId" && value === "R000000") return <span>None <code className="font-mono text-xs text-muted-foreground">R000000</code></span>;
  if (DATE_KEYS.has(k) && typeof value === "string") return <span>{formatDateTime(value)}</span>;
  if (typeof value === "boolean") return <span>{value ? "Yes" : "No"}</span>;
  if (typeof value === "string" || typeof value === "number") return <span className="break-words whitespace-pre-wrap">{String(value)}</span>;
  if (Array.isArray(value)) return value.length ? <span>{value.map(String).join(", ")}</span> : <span className="text-muted-foreground">None</span>;
  return <pre className="overflow-x-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}

function Unavailable({ error }: { error: string }) {
  return <p className="text-sm text-muted-foreground">Not available from the registry right now: {error}</p>;
}

export default async function CampaignPage({ params }: Params) {
  const ctx = await currentContext();
  if (!ctx) return null;
  const gate = await providerGate(ctx.org.id, "campaign.manage", "Campaign", "Campaigns");
  if (gate) return gate;
  const caps = await capabilitiesFor(db(), ctx.org.id);
  const campaignId = routeSegment((await params).campaignId);
  const c = await getCampaign(db(), ctx.org.id, campaignId);
  if (!c) notFound();
  const onVonage = caps.kind === "VONAGE";
  const [timeline, live, pageSnapshots, vonage] = await Promise.all([
    campaignTimeline(db(), ctx.org.id, c.campaignId), campaignRegistryDetail(db(), ctx.org.id, c.campaignId), listCampaignPageSnapshots(db(), ctx.org.id, c.campaignId),
    onVonage ? vonageCampaignLive(db(), ctx.org.id, c.campaignId) : Promise.resolve(null),
  ]);
  const data = (c.data ?? {}) as Record<string, unknown>;
  const canAct = can(ctx.role, "registry.act");
  const active = c.status !== "EXPIRED" && !c.deletedAt;
  // Links Vonage has not decided yet: the notice names them and offers a refresh.
  const pendingNumbers = vonage?.numbers.ok ? vonage.numbers.value.filter((n) => n.status && NUMBER_STATE_MEANING[n.status]?.pending) : [];

  const ops = Object.fromEntries(c.operations.map((o) => [o.mnoId, o]));
  const terms = live.mnoMetadata.ok ? carrierRows(live.mnoMetadata.value) : [];
  const termsOf = Object.fromEntries(terms.map((t) => [t.mnoId, t]));
  const carrierIds = sortMnoIds([...Object.keys(ops), ...terms.map((t) => t.mnoId)]);
  const rejected = c.operations.filter((o) => o.status === "REJECTED").map((o) => o.mnoId);
  const excluded = live.excludedMnos.ok ? live.excludedMnos.value.map(String) : [];
  const sharedByMe = live.sharing.ok ? live.sharing.value.sharedByMe : null;
  const sharedWithMe = live.sharing.ok ? live.sharing.value.sharedWithMe : null;
  const resubmitChoices = sortMnoIds([...MNO_IDS, ...carrierIds]).map((m) => ({ mnoId: m, status: ops[m]?.status ?? null }));
  // Sharing straight to a DCA is how a CSP elects its primary DCA, so both kinds of partner are offered.
  const partners = [
    ...(live.cnps.ok ? Object.entries(live.cnps.value).map(([id, name]) => ({ id, name: `${name}, connectivity partner` })) : []),
    ...(live.dcas.ok
      ? live.dcas.value.flatMap((d) => (Array.isArray(d) || typeof d.id !== "string" ? [] : [{ id: d.id, name: `${typeof d.displayName === "string" ? d.displayName : d.id}, DCA` }]))
      : []),
  ];
  const mmsFiles = c.attachments.filter((a) => a.targetType === "CAMPAIGN_MMS");
  const docFiles = c.attachments.filter((a) => a.targetType === "CAMPAIGN_SUPPORTING_DOCUMENT");

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={
          <Link href="/campaigns" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Campaigns
          </Link>
        }
        title={<span className="font-mono">{c.campaignId}</span>}
        meta={
          <>
            <CampaignStatus value={c.status} />
            {c.mock ? <Badge tone="info">mock</Badge> : null}
            {c.deletedAt ? <Badge tone="warning">Removed {formatDateTime(c.deletedAt)}</Badge> : null}
          </>
        }
        description={
          <>
            {c.usecase ?? "Unknown use case"} for{" "}
            {c.brandId ? <Link href={`/brands/${encodeURIComponent(c.brandId)}`} className="text-primary underline underline-offset-4">{c.brand?.displayName ?? c.brandId}</Link> : "an unknown brand"}
            {" · "}
            {formatMoney(c.monthlyFee)} a month · {c.autoRenewal === false ? "expires" : "renews"} {formatDate(c.nextRenewalOrExpirationDate)} · last confirmed by the registry{" "}
            <time dateTime={c.confirmedAt.toISOString()}>{formatDateTime(c.confirmedAt)}</time>
          </>
        }
        actions={
          canAct ? (
            <>
              <RefreshCampaignButton campaignId={c.campaignId} />
              {active ? <EditCampaignDialog campaignId={c.campaignId} data={data} /> : null}
              {active ? <DeactivateDialog campaignId={c.campaignId} monthlyFee={c.monthlyFee} /> : null}
            </>
          ) : null
        }
      />
      {!active ? (
        <Alert tone="info">
          <AlertDescription>This campaign is deactivated or expired. The registry keeps it for the record, but it can no longer be changed or resubmitted.</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <VonageReview data={data} />
          <Card role="region" aria-labelledby="carriers-heading">
            <CardHeader>
              <CardTitle asChild><h2 id="carriers-heading">Carriers</h2></CardTitle>
              <CardDescription>Each carrier&apos;s decision (operation status) and the terms the registry reports for this campaign.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              {carrierIds.length === 0 ? (
                <p className="text-sm text-muted-foreground">No carrier has reported on this campaign yet.</p>
              ) : (
                <Table label="Carrier status">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Carrier</TableHead>
                      <TableHead>Status</TableHead>
                      <TableHead>Terms</TableHead>
                      <TableHead>History</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {carrierIds.map((m) => {
                      const t = termsOf[m];
                      const history = c.carrierHistory[m] ?? [];
                      return (
                        <TableRow key={m}>
                          <TableCell className="font-medium">
                            {mnoName(m)}
                            <div className="font-mono text-xs text-muted-foreground">{m}</div>
                            {excluded.includes(m) ? <Badge tone="warning">Excluded by DCA</Badge> : null}
                          </TableCell>
                          <TableCell>
                            <OperationStatus value={ops[m]?.status} />
                            {ops[m] ? <div className="text-xs text-muted-foreground">as of {formatDateTime(ops[m].confirmedAt)}</div> : null}
                          </TableCell>
                          <TableCell className="text-xs">
                            {t ? (
                              <ul className="grid gap-0.5">
                                {t.msgClass ? <li>AT&amp;T class {t.msgClass}{t.tpm != null ? `, ${t.tpm.toLocaleString("en-US")} SMS / ${t.mmsTpm?.toLocaleString("en-US") ?? "—"} MMS per minute` : ""}{t.tpmScope ? ` (per ${t.tpmScope === "CAMPAIGN" ? "campaign" : "number"})` : ""}</li> : null}
                                {t.brandTier ? <li>Tier {t.brandTier}, {t.brandDailyCap != null ? `${t.brandDailyCap.toLocaleString("en-US")} messages a day` : "uncapped"}</li> : null}
                                {t.review ? <li>Manual carrier review</li> : null}
                                {!t.msgClass && !t.brandTier && !t.review ? <li className="text-muted-foreground">No carrier-specific terms</li> : null}
                              </ul>
                            ) : <span className="text-muted-foreground">—</span>}
                          </TableCell>
                          <TableCell className="text-xs">
                            {history.length ? (
                              <ol className="grid gap-1">
                                {history.slice(0, 4).map((h) => (
                                  <li key={h.id}>
                                    <span className="font-mono">{h.eventType.replace("MNO_CAMPAIGN_OPERATION_", "")}</span> {formatDateTime(h.at)}
                                    {h.description ? <div className="text-muted-foreground">{h.description}</div> : null}
                                  </li>
                                ))}
                              </ol>
                            ) : <span className="text-muted-foreground">No notifications</span>}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              )}
              {!live.mnoMetadata.ok ? <Unavailable error={live.mnoMetadata.error} /> : null}
              {rejected.length ? (
                <Alert tone="danger">
                  <AlertDescription>
                    Rejected by {rejected.map((m) => mnoName(m)).join(", ")}. Read the reason in the history, fix the campaign (Edit), then resubmit to
                    {rejected.length === 1 ? " that carrier" : " those carriers"}, or appeal through the connectivity partner.
                  </AlertDescription>
                </Alert>
              ) : null}
              {canAct && active ? (
                <div className="flex flex-wrap gap-2">
                  <ResubmitDialog campaignId={c.campaignId} carriers={resubmitChoices} preselect={rejected} />
                  {sharedByMe?.sharingStatus === "PENDING" ? <NudgeDialog campaignId={c.campaignId} suggested="REVIEW" /> : null}
                  {sharedByMe?.sharingStatus === "DECLINED" ? <NudgeDialog campaignId={c.campaignId} suggested="APPEAL_REJECTION" /> : null}
                </div>
              ) : null}
            </CardContent>
          </Card>

          {groupCampaignFields(data).map((g) => (
            <Card key={g.id} role="region" aria-labelledby={`group-${g.id}`}>
              <CardHeader>
                <CardTitle asChild><h2 id={`group-${g.id}`}>{g.title}</h2></CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                  {g.fields.map((f) => (
                    <div key={f.key} className={`grid min-w-0 gap-0.5 ${typeof f.value === "string" && f.value.length > 80 ? "sm:col-span-2" : ""}`}>
                      <dt className="text-xs font-medium text-muted-foreground">
                        {f.label} <code className="font-mono font-normal">{f.key}</code>
                      </dt>
                      <dd className="text-sm"><FieldValue k={f.key} value={f.value} /></dd>
                    </div>
                  ))}
                </dl>
              </CardContent>
            </Card>
          ))}

          {vonage ? (
            <>
              <Card role="region" aria-labelledby="numbers-heading">
                <CardHeader>
                  <CardTitle asChild><h2 id="numbers-heading">Phone numbers</h2></CardTitle>
                  <CardDescription>Numbers of your Vonage account linked to this campaign. Vonage decides each link after a while (no webhook tells the portal): only LINKED numbers carry traffic.</CardDescription>
                </CardHeader>
                <CardContent className="space-y-4 text-sm">
                  {vonage.numbers.ok ? (
                    vonage.numbers.value.length ? (
                      <Table label="Linked numbers">
                        <TableHeader>
                          <TableRow>
                            <TableHead>Number</TableHead>
                            <TableHead>State</TableHead>
                            <TableHead>Compliance</TableHead>
                            {canAct ? <TableHead><span className="sr-only">Actions</span></TableHead> : null}
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {vonage.numbers.value.map((n) => {
                            const m = n.status ? NUMBER_STATE_MEANING[n.status] : undefined;
                            return (
                              <TableRow key={n.number}>
                                <TableCell className="font-mono">{n.phoneNumber}</TableCell>
                                <TableCell>
                                  <Badge tone={m?.tone ?? "neutral"} className="font-mono">{n.status ?? "UNKNOWN"}</Badge>
                                  <div className="text-xs text-muted-foreground">{m?.text ?? "A state this portal does not know yet."}</div>
                                </TableCell>
                                <TableCell className="text-xs">{n.compliance.length ? n.compliance.join(", ") : <span className="text-muted-foreground">None</span>}</TableCell>
                                {canAct ? (
                                  <TableCell>{n.status === "UNLINKING" ? null : <UnlinkNumberButton campaignId={c.campaignId} phoneNumber={n.phoneNumber} status={n.status} />}</TableCell>
                                ) : null}
                              </TableRow>
                            );
                          })}
                        </TableBody>
                      </Table>
                    ) : <p className="text-muted-foreground">No number is linked to this campaign.</p>
                  ) : <Unavailable error={vonage.numbers.error} />}
                  {pendingNumbers.length ? (
                    <Alert tone="info" role="status">
                      <AlertDescription className="flex flex-wrap items-center gap-2">
                        <span>Pending at Vonage: {pendingNumbers.map((n) => `${n.phoneNumber} (${n.status})`).join(", ")}. Refresh in a minute to see Vonage&apos;s decision.</span>
                        <RefreshNumbersButton />
                      </AlertDescription>
                    </Alert>
                  ) : null}
                  {canAct && active && data.trafficEnabled === false ? (
                    <p className="text-muted-foreground">Traffic is not enabled on this campaign yet (see Vonage review): Vonage ends a link made now REJECTED. Link numbers once the campaign is ACTIVE.</p>
                  ) : null}
                  {canAct && active ? <LinkNumberForm campaignId={c.campaignId} /> : null}
                </CardContent>
              </Card>

              <Card role="region" aria-labelledby="throughput-heading">
                <CardHeader>
                  <CardTitle asChild><h2 id="throughput-heading">Throughput</h2></CardTitle>
                  <CardDescription>The message throughput Vonage applies to this campaign, per carrier (GET /throughputs). Carriers set it once the campaign is active.</CardDescription>
                </CardHeader>
                <CardContent className="text-sm">
                  {vonage.throughputs.ok ? (
                    vonage.throughputs.value.length ? (
                      <Table label="Throughput per carrier">
                        <TableHeader>
                          <TableRow>
                            <TableHead>Carriers</TableHead>
                            <TableHead>Messages (SMS and MMS)</TableHead>
                            <TableHead>Applies per</TableHead>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {vonage.throughputs.value.map((x, i) => (
                            <TableRow key={x.id ?? i}>
                              <TableCell>{x.carriers.join(", ") || "—"}</TableCell>
                              <TableCell>{x.shared != null ? `${x.shared.toLocaleString("en-US")} a ${x.period ?? "period"}` : "—"}</TableCell>
                              <TableCell>{x.scope ?? "—"}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    ) : <p className="text-muted-foreground">Vonage reports no throughput for this campaign yet.</p>
                  ) : <Unavailable error={vonage.throughputs.error} />}
                </CardContent>
              </Card>
            </>
          ) : (
          <Card role="region" aria-labelledby="numbers-heading">
            <CardHeader>
              <CardTitle asChild><h2 id="numbers-heading">Phone numbers and nnSR</h2></CardTitle>
              <CardDescription>Numbers are provisioned outside the registry, in the netnumber Services Registry (nnSR). {caps.why("campaign.numbers")}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {live.osr.ok ? (
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
                  {Object.entries(live.osr.value).map(([k, v]) => (
                    <div key={k}>
                      <dt className="font-mono text-xs text-muted-foreground">{k}</dt>
                      <dd>{v == null ? "—" : String(v)}</dd>
                    </div>
                  ))}
                </dl>
              ) : <Unavailable error={live.osr.error} />}
              {live.phoneNumbers.ok ? (
                live.phoneNumbers.value.records.length ? (
                  <p>
                    {live.phoneNumbers.value.totalRecords} current number{live.phoneNumbers.value.totalRecords === 1 ? "" : "s"}:{" "}
                    {live.phoneNumbers.value.records.slice(0, 20).map((r) => String((r as Record<string, unknown>).phoneNumber ?? JSON.stringify(r))).join(", ")}
                    {live.phoneNumbers.value.totalRecords > 20 ? "…" : ""}
                  </p>
                ) : <p className="text-muted-foreground">No numbers are provisioned on this campaign.</p>
              ) : <Unavailable error={live.phoneNumbers.error} />}
            </CardContent>
          </Card>
          )}

          {c.acknowledgedWarnings ? (
            <Card role="region" aria-labelledby="acks-heading">
              <CardHeader>
                <CardTitle asChild><h2 id="acks-heading">Acknowledged compliance warnings</h2></CardTitle>
                <CardDescription>
                  Warnings of the compliance check acknowledged before submit{c.acknowledgedWarnings.by ? ` by ${c.acknowledgedWarnings.by}` : ""} on {c.acknowledgedWarnings.at.toISOString().slice(0, 10)}, as recorded in the audit log.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-2 text-sm">
                  {c.acknowledgedWarnings.warnings.map((w) => (
                    <li key={`${w.ruleId}|${w.detail ?? ""}`} data-ack-rule={w.ruleId}>
                      <code className="font-mono text-xs">{w.ruleId}</code>
                      {w.detail ? <span className="text-muted-foreground"> ({w.detail})</span> : null}: {w.reason}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}

          <Card role="region" aria-labelledby="pages-heading">
            <CardHeader>
              <CardTitle asChild><h2 id="pages-heading">Published pages at submission</h2></CardTitle>
              <CardDescription>
                What the privacy policy, terms and opt-in pages said when they were checked before this campaign was submitted: the evidence of what the carrier&apos;s reviewer saw.
              </CardDescription>
            </CardHeader>
            <CardContent className="text-sm">
              {pageSnapshots.length ? (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Page</TableHead>
                      <TableHead>Final URL</TableHead>
                      <TableHead>Status</TableHead>
                      <TableHead>Fetched</TableHead>
                      <TableHead>sha256</TableHead>
                      <TableHead><span className="sr-only">Evidence</span></TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {pageSnapshots.map((p) => (
                      <TableRow key={p.id} data-testid="page-snapshot">
                        <TableCell>{PAGE_KIND_LABELS[p.kind]}</TableCell>
                        <TableCell className="max-w-72 break-all font-mono text-xs">{p.finalUrl}</TableCell>
                        <TableCell>
                          {p.status !== null ? `HTTP ${p.status}` : "No response"}
                          {p.outcome !== "loaded" ? <div className="text-destructive">{p.reason}</div> : null}
                          {p.findings.length ? <div className="text-muted-foreground">{p.findings.length} finding{p.findings.length === 1 ? "" : "s"}</div> : null}
                        </TableCell>
                        <TableCell>{formatDateTime(p.fetchedAt)}</TableCell>
                        <TableCell className="font-mono text-xs" title={p.contentHash ?? undefined}>{p.contentHash ? `${p.contentHash.slice(0, 16)}…` : "—"}</TableCell>
                        <TableCell className="whitespace-nowrap">
                          <Link className="text-primary underline" href={`/campaigns/${encodeURIComponent(c.campaignId)}/pages/${encodeURIComponent(p.id)}`}>View text</Link>
                          {p.hasHtml ? <> · <a className="text-primary underline" href={`/api/page-snapshots/${encodeURIComponent(p.id)}?format=html`} download>Download HTML</a></> : null}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : <p className="text-muted-foreground">No published-page check was run before this campaign was submitted.</p>}
            </CardContent>
          </Card>

          {!caps.has("campaign.files") ? <NotOffered caps={caps} capability="campaign.files" what="MMS samples and supporting documents" /> : (
          <Card role="region" aria-labelledby="files-heading">
            <CardHeader>
              <CardTitle asChild><h2 id="files-heading">MMS samples and supporting documents</h2></CardTitle>
              <CardDescription>Files held by the registry for this campaign. Uploads go through the evidence library, which checks each file&apos;s real type.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4 text-sm">
              {(["mms", "documents"] as const).map((k) => {
                const part = live[k];
                const mine = k === "mms" ? mmsFiles : docFiles;
                return (
                  <section key={k} aria-labelledby={`files-${k}`} className="space-y-2">
                    <h3 id={`files-${k}`} className="font-medium">{k === "mms" ? "MMS sample media" : "Supporting documents"}</h3>
                    {part.ok ? (
                      part.value.length ? (
                        <ul className="list-disc pl-5">
                          {part.value.map((f) => <li key={f.uuid}>{f.fileName ?? f.uuid} <span className="text-muted-foreground">({f.mimeType ?? "unknown type"})</span></li>)}
                        </ul>
                      ) : <p className="text-muted-foreground">None at the registry.</p>
                    ) : <Unavailable error={part.error} />}
                    {mine.some((a) => a.state === "FAILED") ? (
                      <p className="text-destructive">
                        Not sent: {mine.filter((a) => a.state === "FAILED").map((a) => `${a.file.fileName} (${a.error ?? "failed"})`).join("; ")}. Retry from the evidence library.
                      </p>
                    ) : null}
                    {canAct && active ? <CampaignFileUploader campaignId={c.campaignId} use={k === "mms" ? "CAMPAIGN_MMS" : "CAMPAIGN_SUPPORTING_DOCUMENT"} /> : null}
                  </section>
                );
              })}
            </CardContent>
          </Card>
          )}
        </div>

        <div className="space-y-6">
          <Card role="region" aria-labelledby="sharing-heading" className="h-fit">
            <CardHeader>
              <CardTitle asChild><h2 id="sharing-heading">Sharing chain</h2></CardTitle>
              <CardDescription>Who this campaign is shared with on its way to the carriers (the connectivity partner elects the DCA).</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {live.sharing.ok ? (
                <>
                  <div>
                    <p className="font-medium">Shared by us (upstream)</p>
                    {sharedByMe?.upstreamCnpId ? (
                      <div className="grid gap-1">
                        <span><span className="font-mono">{sharedByMe.upstreamCnpId}</span> · <SharingStatus value={sharedByMe.sharingStatus} /></span>
                        <span className="text-xs text-muted-foreground">shared {formatDateTime(sharedByMe.sharedDate)}{sharedByMe.statusDate ? ` · status ${formatDateTime(sharedByMe.statusDate)}` : ""}</span>
                        {sharedByMe.rejectionCategory?.length ? <span className="text-xs">Reasons: {sharedByMe.rejectionCategory.join(", ")}</span> : null}
                        {sharedByMe.explanation ? <span className="text-xs">“{sharedByMe.explanation}”</span> : null}
                      </div>
                    ) : <p className="text-muted-foreground">Not shared with a connectivity partner yet.</p>}
                    {canAct && active && (!sharedByMe?.upstreamCnpId || sharedByMe.sharingStatus === "DECLINED") && partners.length ? (
                      <div className="mt-2"><ShareDialog campaignId={c.campaignId} partners={partners} /></div>
                    ) : null}
                  </div>
                  {sharedWithMe?.downstreamCnpId ? (
                    <div>
                      <p className="font-medium">Shared with us by</p>
                      <span className="font-mono">{sharedWithMe.downstreamCnpId}</span> <SharingStatus value={sharedWithMe.sharingStatus} />
                    </div>
                  ) : null}
                </>
              ) : <Unavailable error={live.sharing.error} />}
              <div>
                <p className="font-medium">DCA elected for</p>
                {live.electedDca.ok ? (
                  <p>{live.electedDca.value.length ? live.electedDca.value.map((m) => mnoName(m)).join(", ") : <span className="text-muted-foreground">No carrier yet</span>}</p>
                ) : <Unavailable error={live.electedDca.error} />}
              </div>
              <div>
                <p className="font-medium">Excluded carriers</p>
                {live.excludedMnos.ok ? (
                  excluded.length ? (
                    <ul className="grid gap-1">
                      {excluded.map((m) => (
                        <li key={m} className="flex flex-wrap items-center gap-2">
                          {mnoName(m)}
                          {canAct && active ? <RemoveExcludedDialog campaignId={c.campaignId} mnoId={m} /> : null}
                        </li>
                      ))}
                    </ul>
                  ) : <p className="text-muted-foreground">None</p>
                ) : <Unavailable error={live.excludedMnos.error} />}
              </div>
              {c.migration ? (
                <p>CNP migration to <span className="font-mono">{c.migration.targetCnpId ?? "?"}</span>: {c.migration.status ?? "unknown"}</p>
              ) : null}
            </CardContent>
          </Card>

          <Card role="region" aria-labelledby="tags-heading" className="h-fit">
            <CardHeader>
              <CardTitle asChild><h2 id="tags-heading">Tags</h2></CardTitle>
              <CardDescription>Your own keywords for finding campaigns, kept by the registry. The Campaigns list filters on them.</CardDescription>
            </CardHeader>
            <CardContent>
              {live.tags.ok ? <CampaignTags campaignId={c.campaignId} tags={live.tags.value} canAct={canAct && active} /> : <Unavailable error={live.tags.error} />}
            </CardContent>
          </Card>

          {canAct && active ? (
            <Card role="region" aria-labelledby="renewal-heading" className="h-fit">
              <CardHeader>
                <CardTitle asChild><h2 id="renewal-heading">Renewal</h2></CardTitle>
              </CardHeader>
              <CardContent>
                <AutoRenewalToggle campaignId={c.campaignId} autoRenewal={c.autoRenewal !== false} monthlyFee={c.monthlyFee} nextDate={c.nextRenewalOrExpirationDate ? formatDate(c.nextRenewalOrExpirationDate) : null} />
              </CardContent>
            </Card>
          ) : null}

          <Card role="region" aria-labelledby="timeline-heading" className="h-fit">
            <CardHeader>
              <CardTitle asChild><h2 id="timeline-heading">Timeline</h2></CardTitle>
              <CardDescription>Registry notifications and portal actions, newest first.</CardDescription>
            </CardHeader>
            <CardContent>
              <Timeline subject="campaign" entries={timeline} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
