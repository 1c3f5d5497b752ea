import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { snapshotDownload } from "@/lib/campaigns/pages/download";
import { getPageSnapshot } from "@/lib/campaigns/pages/snapshots";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/storable";

export const dynamic = "force-dynamic";

/**
 * A published-page snapshot as a file: ?format=html (the page as fetched) or ?format=text (its extracted
 * text). Always an attachment of the organization's own snapshot; the HTML is never rendered from our origin.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  const { id } = await params;
  // No stored id holds a NUL; PostgreSQL would refuse the lookup itself.
  if (!isStorableText(id)) return Response.json({ error: "Not found." }, { status: 404 });
  const snapshot = await getPageSnapshot(db(), ctx.org.id, id);
  if (!snapshot) return Response.json({ error: "Not found." }, { status: 404 });
  const format = new URL(req.url).searchParams.get("format") === "text" ? "text" : "html";
  const file = snapshotDownload(snapshot, format);
  if (!file) return Response.json({ error: "This page was not loaded, so there is no HTML to download." }, { status: 404 });
  return new Response(new Uint8Array(file.body), { headers: file.headers });
}
