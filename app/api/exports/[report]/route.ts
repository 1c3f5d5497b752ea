import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { db, pgPool } from "@/lib/db";
import { log } from "@/lib/log";
import { exportParams, exportResponse } from "@/lib/reports/export";
import { findReport } from "@/lib/reports/registry";
import { isStorableText } from "@/lib/storable";

export const dynamic = "force-dynamic";

/** GET /api/exports/<report>?<the list's filters>[&bom=1]: the organization's rows as a streamed CSV file. */
export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  const { report: id } = await params;
  const report = findReport(id);
  if (!report) return Response.json({ error: "No such report." }, { status: 404 });
  const actor = { id: ctx.user.id, email: ctx.user.email };
  if (!can(ctx.role, report.permission)) {
    await audit(db(), { orgId: ctx.org.id, actor, action: "report.export", targetType: "report", targetId: id, outcome: "DENIED" });
    return Response.json({ error: "Your role cannot download this report." }, { status: 403 });
  }
  const url = new URL(req.url);
  // The filter is recorded in the audit row: a NUL or a lone surrogate in it (no browser sends one) is refused here.
  if ([...url.searchParams].some(([k, v]) => !isStorableText(k) || !isStorableText(v))) {
    return Response.json({ error: "The filter holds characters that are not text." }, { status: 400 });
  }
  const { raw, bom } = exportParams(url);
  // Exports take whole data sets out of the portal: each one is on the record, with the filter it used.
  await audit(db(), { orgId: ctx.org.id, actor, action: "report.export", targetType: "report", targetId: id, outcome: "SUCCESS", detail: { filter: raw, bom } });
  return exportResponse({
    db: db(),
    pool: pgPool(),
    orgId: ctx.org.id,
    report,
    raw,
    bom,
    onError: (e) => log().error({ err: e, report: id, orgId: ctx.org.id }, "report export failed mid-stream"),
  });
}
