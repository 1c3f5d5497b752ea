import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sim } from "../../core/context";
import type { Faults, RateLimiter } from "../../core/faults";
import { Router, type Reply, type RequestContext } from "../../core/router";
import { registerVonageBrandRoutes } from "./brands";
import { registerVonageCampaignRoutes } from "./campaigns";
import { errorReply, VONAGE_PREFIX, VonageError, vonageErrorBody } from "./core";
import { registerVonageExtraRoutes } from "./extras";
import { registerVonageVettingRoutes } from "./vetting";

export { VONAGE_PREFIX } from "./core";

/**
 * The Vonage "10DLC Brand and Campaign Provisioning" profile of the sandbox, served under /v1/10dlc
 * on the /v2 server and over the same Store and clock. HTTP Basic only (the sandbox's API key and
 * secret); anything else is Vonage's 401. Faults (core/faults.ts) match paths with the /v1/10dlc
 * prefix (e.g. `/v1/10dlc/brands`), so rules written for /v2 paths do not fire here unless they are `*`.
 * The request body is read before a fault applies: `drop` and `hang` leave the request unprocessed,
 * while a `latency` longer than the client's timeout is processed after the client gave up (an
 * ambiguous failure of a write).
 */
export interface VonageProfileDeps {
  apiKey: string;
  apiSecret: string;
  faults: Faults;
  limiter: RateLimiter;
  maxBodyBytes: number;
  /** Responses the server must destroy on close (hang faults). */
  hung: Set<ServerResponse>;
}

export interface VonageProfile {
  router: Router;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  if ("empty" in reply) res.writeHead(reply.status).end();
  else if ("bytes" in reply) res.writeHead(reply.status, { "content-type": reply.contentType, "content-length": reply.bytes.length, ...reply.headers }).end(reply.bytes);
  else if ("text" in reply) res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8" }).end(reply.text);
  else {
    const body = JSON.stringify(reply.json);
    const type = reply.status >= 400 ? "application/problem+json" : "application/json";
    res.writeHead(reply.status, { "content-type": type, "content-length": Buffer.byteLength(body) }).end(body);
  }
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) tooBig = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function basicKey(req: IncomingMessage, apiKey: string, apiSecret: string): string | null {
  const [scheme, value = ""] = (req.headers.authorization ?? "").split(/\s+/, 2);
  if (scheme?.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i >= 0 && decoded.slice(0, i) === apiKey && decoded.slice(i + 1) === apiSecret ? apiKey : null;
}

export function registerVonageRoutes(r: Router, sim: Sim): void {
  registerVonageBrandRoutes(r, sim);
  registerVonageVettingRoutes(r, sim);
  registerVonageCampaignRoutes(r, sim);
  registerVonageExtraRoutes(r, sim);
}

export function createVonageProfile(sim: Sim, deps: VonageProfileDeps): VonageProfile {
  const router = new Router(VONAGE_PREFIX);
  registerVonageRoutes(router, sim);
  const instance = () => sim.store.rng.uuid();
  const fail = (res: ServerResponse, e: VonageError, headers: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    send(res, { status: e.status, json: vonageErrorBody(e, instance()) });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    // The body is read before any fault: a latency fault longer than the client's timeout then models
    // the ambiguous case of a request that was processed while its answer was lost.
    const body = await readBody(req, deps.maxBodyBytes);
    const fault = deps.faults.pick(method, url.pathname);
    if (fault) {
      if (fault.kind === "drop") {
        req.socket.destroy();
        return;
      }
      if (fault.kind === "hang") {
        deps.hung.add(res);
        res.on("close", () => deps.hung.delete(res));
        return;
      }
      if (fault.kind === "status") {
        return fail(res, fault.status === 429 ? new VonageError(429, "throttled", "Too many requests") : new VonageError(fault.status, "internal-error", "Internal error"));
      }
      await new Promise((r) => setTimeout(r, fault.latencyMs));
    }
    const key = basicKey(req, deps.apiKey, deps.apiSecret);
    if (!key) return fail(res, new VonageError(401, "unauthorized", "You did not provide correct credentials."), { "www-authenticate": 'Basic realm="Vonage sandbox"' });
    if (!deps.limiter.take(key, method)) return fail(res, new VonageError(429, "throttled", "Too many requests"));
    if (body === null) return fail(res, new VonageError(413, "invalid-parameters", "Payload too large"));
    const path = url.pathname.slice(VONAGE_PREFIX.length) || "/";
    const m = router.match(method, path);
    if (m === null) return fail(res, new VonageError(404, "not-found", `No such operation: ${method} ${path}`));
    if (m === "method") return fail(res, new VonageError(405, "invalid-parameters", `Method ${method} not allowed on ${path}`));
    const ctx: RequestContext = { req, res, method, path, params: m.params, query: url.searchParams, body, apiKey: key };
    let reply: Reply;
    try {
      reply = await m.handler(ctx);
    } catch (err) {
      reply = errorReply(err, instance());
    }
    if (method !== "GET") sim.store.markDirty();
    if (fault?.kind === "lost") return void req.socket.destroy();
    send(res, reply);
  }

  return { router, handle };
}
