import { Readable } from "node:stream";
import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/storable";
import { evidenceStorage } from "@/lib/evidence";
import { downloadHeaders } from "@/lib/http/download";
import { getEvidenceFile } from "@/lib/evidence/queries";
import { StorageNotFound } from "@/lib/evidence/storage";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Downloads always: the stored type, as an attachment, never rendered by the browser as a page or script. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  const { id } = await params;
  // No stored id holds a NUL; PostgreSQL would refuse the lookup itself.
  if (!isStorableText(id)) return Response.json({ error: "Not found." }, { status: 404 });
  const file = await getEvidenceFile(db(), ctx.org.id, id);
  if (!file) return Response.json({ error: "Not found." }, { status: 404 });
  let stream: Readable;
  try {
    stream = await evidenceStorage().read(file.storageKey);
  } catch (e) {
    if (!(e instanceof StorageNotFound)) throw e;
    log().error({ orgId: ctx.org.id, fileId: file.id, storageKey: file.storageKey }, "evidence file has a row but no stored bytes");
    return Response.json({ error: "The stored copy of this file is missing." }, { status: 410 });
  }
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: downloadHeaders({ contentType: file.mimeType, size: file.size, fileName: file.fileName }),
  });
}
