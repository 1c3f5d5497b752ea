import type { Sim } from "../core/context";
import { badState, notFound } from "../core/errors";
import { noContent } from "../core/http";
import type { Router } from "../core/router";

/** Attachment group (tcr-api-part1 §2): download and delete brand evidence and campaign files by uuid. */
export function registerAttachmentRoutes(r: Router, sim: Sim): void {
  const get = (id: string) => {
    const a = sim.store.data.attachments[id];
    if (!a) throw notFound("Attachment", "attachmentId");
    return a;
  };

  r.get("/attachment/:attachmentId", (ctx) => {
    const a = get(ctx.params.attachmentId!);
    return {
      status: 200,
      bytes: Buffer.from(a.dataBase64, "base64"),
      contentType: a.mimeType,
      headers: { "content-disposition": `attachment; filename="${a.fileName.replace(/["\\\r\n]/g, "_")}"` },
    };
  });

  r.delete("/attachment/:attachmentId", (ctx) => {
    const a = get(ctx.params.attachmentId!);
    // An asset's image goes with the asset (DELETE /brand/{brandId}/asset/{name} applies its rules).
    if (a.purpose === "BRAND_ASSET") throw badState("Brand asset files are removed by deleting the asset");
    delete sim.store.data.attachments[a.uuid];
    return noContent();
  });
}
