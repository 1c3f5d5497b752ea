import { Readable } from "node:stream";
import { currentContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { evidenceStorage } from "@/lib/evidence";
import { getEvidenceFile } from "@/lib/evidence/queries";

export const dynamic = "force-dynamic";

/** Downloads always: the stored type, as an attachment, never rendered by the browser as a page or script. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const { id } = await params;
  const file = await getEvidenceFile(db(), ctx.org.id, id);
  if (!file) return Response.json({ error: "Not found." }, { status: 404 });
  const stream = await evidenceStorage().read(file.storageKey);
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
