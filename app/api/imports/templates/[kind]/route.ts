import { currentContext } from "@/lib/auth/context";
import { downloadHeaders } from "@/lib/http/download";
import { columnsExplainedCsv, IMPORT_KINDS, templateCsv, type ImportKind } from "@/lib/imports";

export const dynamic = "force-dynamic";

/**
 * GET /api/imports/templates/brands|campaigns: the import template (the registry's field names and example
 * rows); with ?explained=1 the file that explains each column. The same for every organization: it needs a
 * session, nothing of the organization's.
 */
export async function GET(req: Request, { params }: { params: Promise<{ kind: string }> }) {
  if (!(await currentContext())) return Response.json({ error: "Sign in again." }, { status: 401 });
  const { kind } = await params;
  if (!IMPORT_KINDS.includes(kind as ImportKind)) return Response.json({ error: "No such template: brands or campaigns." }, { status: 404 });
  const explained = new URL(req.url).searchParams.get("explained") === "1";
  const body = new TextEncoder().encode(explained ? columnsExplainedCsv(kind as ImportKind) : templateCsv(kind as ImportKind));
  return new Response(body, {
    headers: downloadHeaders({ contentType: "text/csv; charset=utf-8", fileName: explained ? `${kind}-columns-explained.csv` : `${kind}-import-template.csv`, size: body.length }),
  });
}
