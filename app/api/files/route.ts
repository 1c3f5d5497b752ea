import { z } from "zod";
import { audit } from "@/lib/audit";
import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { evidenceStorage } from "@/lib/evidence";
import { EVIDENCE_KINDS, formatBytes, rulesFor } from "@/lib/evidence/kinds";
import { capabilitiesFor } from "@/lib/registry/client";
import { EvidenceRejected } from "@/lib/evidence/inspect";
import { storeUpload } from "@/lib/evidence/store";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const query = z.object({ kind: z.enum(EVIDENCE_KINDS) });

/**
 * One file per request, the raw bytes as the body and the name in X-File-Name (URL-encoded), so the body
 * streams straight to storage and the browser can report progress per file.
 */
export async function POST(req: Request) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  if (!can(ctx.role, "registry.act")) return Response.json({ error: "Your role does not allow uploads." }, { status: 403 });
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Unknown kind of file." }, { status: 400 });
  const { kind } = parsed.data;
  const upstream = (await capabilitiesFor(db(), ctx.org.id)).kind;
  const rules = rulesFor(kind, upstream);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > rules.maxBytes) return Response.json({ error: `This file is too large: files for ${rules.label} can be at most ${formatBytes(rules.maxBytes)}.` }, { status: 413 });
  if (!req.body) return Response.json({ error: "The file is empty." }, { status: 400 });
  let fileName = "file";
  try {
    fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "file");
  } catch {
    // A malformed name is replaced, not trusted.
  }
  try {
    const file = await storeUpload(
      { db: db(), storage: evidenceStorage() },
      { orgId: ctx.org.id, userId: ctx.user.id, kind, fileName, body: req.body as unknown as AsyncIterable<Uint8Array>, upstream },
    );
    await audit(db(), { orgId: ctx.org.id, actor: ctx.user, action: "evidence.upload", targetType: "evidence_file", targetId: file.id, outcome: "SUCCESS", detail: { kind, fileName: file.fileName, size: file.size, mimeType: file.mimeType } });
    return Response.json({ file }, { status: 201 });
  } catch (e) {
    if (e instanceof EvidenceRejected) {
      await audit(db(), { orgId: ctx.org.id, actor: ctx.user, action: "evidence.upload", targetType: "evidence_file", outcome: "FAILURE", detail: { kind, reason: e.message } });
      return Response.json({ error: e.message }, { status: 422 });
    }
    const logId = crypto.randomUUID().slice(0, 8);
    log().error({ err: e, logId, orgId: ctx.org.id }, "upload failed");
    return Response.json({ error: `The upload failed on our side. Quote reference ${logId}.` }, { status: 500 });
  }
}
