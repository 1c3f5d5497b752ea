import { currentContext } from "@/lib/auth/context";
import { accountHold } from "@/lib/safe-action";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { registryFileSchema } from "@/lib/evidence/attach-targets";
import { downloadFromRegistry } from "@/lib/evidence/registry";
import { downloadHeaders } from "@/lib/http/download";
import { log } from "@/lib/log";
import { registryClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";

export const dynamic = "force-dynamic";

/**
 * A file the registry holds for a target, fetched through the organization's registry client:
 * GET /api/files/registry?targetType=CAMPAIGN_MMS&targetId=C1A2B3C&uuid=… (the uuid must be listed for that
 * target). Always an attachment; HTML, SVG and unknown types are served as opaque bytes.
 */
export async function GET(req: Request) {
  const ctx = await currentContext();
  if (!ctx) return Response.json({ error: "Sign in again." }, { status: 401 });
  const hold = accountHold(ctx);
  if (hold) return Response.json({ error: hold }, { status: 403 });
  if (!can(ctx.role, "org.read")) return Response.json({ error: "Your role does not allow this." }, { status: 403 });
  const parsed = registryFileSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Name the target (targetType, targetId) and the file's uuid." }, { status: 400 });
  try {
    const file = await downloadFromRegistry(await registryClientFor(db(), ctx.org.id), parsed.data, parsed.data.uuid);
    return new Response(new Uint8Array(file.data), {
      headers: downloadHeaders({ contentType: file.contentType, size: file.data.byteLength, fileName: file.fileName }),
    });
  } catch (e) {
    const registry = describeRegistryError(e);
    if (registry) return Response.json({ error: registry.message }, { status: 502 });
    if (e instanceof AppError) return Response.json({ error: e.message }, { status: e.status });
    const logId = crypto.randomUUID().slice(0, 8);
    log().error({ err: e, logId, orgId: ctx.org.id }, "registry download failed");
    return Response.json({ error: `The download failed on our side. Quote reference ${logId}.` }, { status: 500 });
  }
}
