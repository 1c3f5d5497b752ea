import type { IncomingMessage } from "node:http";
import type { Sim } from "../../core/context";
import { Router, type Reply, type RequestContext } from "../../core/router";
import { registerTelnyxBrandRoutes } from "./brands";
import { detailError, TelnyxHttpError, tooManyRequests, unauthorized, unexpected } from "./errors";

/**
 * The Telnyx profile: Telnyx's 10DLC brand API under /10dlc on the sandbox's port, over the same store.
 * server.ts hands it every /10dlc request after the shared fault rules (matched on the full /10dlc/... path).
 * Auth is `Authorization: Bearer <apiKey>` with the sandbox's one API key; Telnyx documents no rate limits,
 * so the /v2 limiter does not apply here.
 */
export const TELNYX_PREFIX = "/10dlc";

export interface TelnyxProfile {
  router: Router;
  authenticate(req: IncomingMessage): boolean;
  unauthorized(): Reply;
  /** Body of an injected status fault (429 or 5xx). */
  faultReply(status: number): Reply;
  /** `path` is relative to /10dlc; `body` null = over the size limit. */
  handle(ctx: Omit<RequestContext, "params" | "body" | "apiKey">, body: Buffer | null): Promise<Reply>;
}

export function createTelnyxProfile(sim: Sim, opts: { apiKey: string }): TelnyxProfile {
  const router = new Router(TELNYX_PREFIX);
  registerTelnyxBrandRoutes(router, sim);
  return {
    router,
    authenticate(req) {
      const [scheme, value = ""] = (req.headers.authorization ?? "").split(/\s+/, 2);
      return scheme?.toLowerCase() === "bearer" && value === opts.apiKey;
    },
    unauthorized,
    faultReply: (status) => (status === 429 ? tooManyRequests() : unexpected(status)),
    async handle(base, body) {
      if (body === null) return detailError(413, "Request Entity Too Large").reply();
      const m = router.match(base.method, base.path);
      // FastAPI's own answers for unknown paths and methods.
      if (m === null) return detailError(404, "Not Found").reply();
      if (m === "method") return detailError(405, "Method Not Allowed").reply();
      const ctx: RequestContext = { ...base, params: m.params, body, apiKey: opts.apiKey };
      let reply: Reply;
      try {
        reply = await m.handler(ctx);
      } catch (err) {
        if (err instanceof TelnyxHttpError) reply = err.reply();
        else {
          console.error("[sandbox] unexpected error in /10dlc", err);
          reply = unexpected();
        }
      }
      if (ctx.method !== "GET") sim.store.markDirty();
      return reply;
    },
  };
}
