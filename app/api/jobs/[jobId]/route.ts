import { NextResponse } from "next/server";
import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/storable";
import { NotFoundError } from "@/lib/errors";
import { jobProgress } from "@/lib/migrations/queries";

export const dynamic = "force-dynamic";

/** Bulk job progress, polled by the job page (TanStack Query). Org-scoped: another organization's job is a 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return NextResponse.json({ error: hold }, { status: 403 });
  if (!can(ctx.role, "org.read")) return NextResponse.json({ error: "Not allowed." }, { status: 403 });
  const { jobId } = await params;
  // No stored id holds a NUL; PostgreSQL would refuse the lookup itself.
  if (!isStorableText(jobId)) return NextResponse.json({ error: "Not found." }, { status: 404 });
  try {
    return NextResponse.json(await jobProgress(db(), ctx.org.id, jobId), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ error: e.message }, { status: 404 });
    throw e;
  }
}
