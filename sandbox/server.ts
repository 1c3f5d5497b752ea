import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { SandboxClock, type ClockMode } from "./core/clock";
import { DEFAULT_DELAYS, type Delays, type Sim } from "./core/context";
import { tcrError } from "./core/errors";
import { DEFAULT_RATE_LIMITS, Faults, RateLimiter, type RateLimits } from "./core/faults";
import { toErrorReply } from "./core/http";
import { Router, type Reply, type RequestContext } from "./core/router";
import { Store } from "./core/store";
import { DEFAULT_WEBHOOK_CONFIG, Webhooks, type WebhookConfig } from "./core/webhooks";
import { createControl, registerControlRoutes, type SandboxControl } from "./control";
import { handlePages, PAGES_PREFIX } from "./pages";
import { createTelnyxProfile, TELNYX_PREFIX } from "./profiles/telnyx";
import { registerAllRoutes } from "./routes";
import { loadScenario, type ScenarioOptions } from "./scenarios";
import { createVonageProfile, VONAGE_PREFIX } from "./profiles/vonage";

/**
 * The TCR CSP API v2 simulator. createSandbox() starts one HTTP server with:
 *   /v2/...        the registry API (Bearer <apiKey> or Basic base64(apiKey:apiSecret))
 *   /v1/10dlc/...  the Vonage 10DLC profile (Basic only; profiles/vonage)
 *   /10dlc/...     Telnyx's 10DLC brand API over the same store (Bearer <apiKey>; profiles/telnyx)
 *   /_sandbox/...  the control API (no registry auth; loopback callers only)
 * It imports nothing from the portal: node built-ins only.
 */
export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Where state.json lives; undefined = in memory only. */
  dataDir?: string;
  apiKey?: string;
  apiSecret?: string;
  seed?: string;
  /** "manual" (tests: time moves only by control.advance) or "real" (follows wall time × speed). */
  clock?: ClockMode | { mode: ClockMode; speed?: number };
  /** Simulated start time (ms since epoch) of a fresh store. */
  startAt?: number;
  delays?: Partial<Delays>;
  /** Registry rate limits; false disables them. */
  rateLimits?: RateLimits | false;
  webhook?: Partial<WebhookConfig>;
  /** Scenario to load when the store starts empty. */
  scenario?: string;
  scenarioOptions?: ScenarioOptions;
  /** Max request body (bytes). */
  maxBodyBytes?: number;
}

export interface Sandbox {
  url: string;
  /** Base URL of the registry API (url + "/v2"). */
  apiUrl: string;
  /** Base URL of the Telnyx profile (url + "/10dlc"). */
  telnyxUrl: string;
  /** Base URL of the Vonage 10DLC profile (url + "/v1/10dlc"). */
  vonageUrl: string;
  /** Base URL of the sample published pages (url + "/pages"). */
  pagesUrl: string;
  port: number;
  close(): Promise<void>;
  store: Store;
  clock: SandboxClock;
  control: SandboxControl;
  sim: Sim;
  router: Router;
}

export const API_PREFIX = "/v2";
export const CONTROL_PREFIX = "/_sandbox";
export const DEV_API_KEY = "sandbox-key";
export const DEV_API_SECRET = "sandbox-secret";

function isLoopback(addr: string | undefined): boolean {
  return !!addr && (addr === "::1" || addr.startsWith("127.") || addr.startsWith("::ffff:127."));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  if ("empty" in reply) {
    res.writeHead(reply.status).end();
  } else if ("bytes" in reply) {
    res.writeHead(reply.status, { "content-type": reply.contentType, "content-length": reply.bytes.length, ...reply.headers }).end(reply.bytes);
  } else if ("text" in reply) {
    res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8" }).end(reply.text);
  } else {
    const body = JSON.stringify(reply.json);
    res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
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

/** Which API key authenticated the request, or null. */
function authenticate(req: IncomingMessage, apiKey: string, apiSecret: string): string | null {
  const h = req.headers.authorization ?? "";
  const [scheme, value = ""] = h.split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer") return value === apiKey ? apiKey : null;
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    if (i < 0) return null;
    return decoded.slice(0, i) === apiKey && decoded.slice(i + 1) === apiSecret ? apiKey : null;
  }
  return null;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? DEV_API_KEY;
  const apiSecret = options.apiSecret ?? DEV_API_SECRET;
  const seed = options.seed ?? "campaigndesk-sandbox";
  const host = options.host ?? "127.0.0.1";
  const maxBody = options.maxBodyBytes ?? 25 * 1024 * 1024;
  const clockOpt = typeof options.clock === "string" ? { mode: options.clock } : (options.clock ?? { mode: "manual" as ClockMode });

  const store = new Store({ dataDir: options.dataDir, seed, startAt: options.startAt });
  const clock = new SandboxClock(store, clockOpt.mode, clockOpt.speed ?? 1);
  clock.afterTask = () => store.markDirty();
  const webhooks = new Webhooks(store, clock, () => apiSecret, { ...DEFAULT_WEBHOOK_CONFIG, ...options.webhook });
  const sim: Sim = { store, clock, webhooks, delays: { ...DEFAULT_DELAYS, ...options.delays } };
  const faults = new Faults(seed);
  const limiter = new RateLimiter(options.rateLimits === false ? null : (options.rateLimits ?? DEFAULT_RATE_LIMITS));

  const api = new Router(API_PREFIX);
  registerAllRoutes(api, sim);
  const control = createControl(sim, faults, limiter);
  const ctl = new Router(CONTROL_PREFIX);
  registerControlRoutes(ctl, control);
  const telnyx = createTelnyxProfile(sim, { apiKey });

  if (options.scenario && Object.keys(store.data.brands).length === 0) loadScenario(sim, options.scenario, options.scenarioOptions);

  const hung = new Set<ServerResponse>();
  const vonage = createVonageProfile(sim, { apiKey, apiSecret, faults, limiter, maxBodyBytes: maxBody, hung });
  const sockets = new Set<Socket>();

  async function dispatch(router: Router, req: IncomingMessage, res: ServerResponse, path: string, url: URL, apiKeyUsed: string | null, lose = false) {
    const body = await readBody(req, maxBody);
    if (body === null) return send(res, toErrorReply(tcrError(906)));
    const m = router.match(req.method ?? "GET", path);
    if (m === null) return send(res, toErrorReply(tcrError(901, `No such operation: ${req.method} ${path}`)));
    if (m === "method") return send(res, { status: 405, json: [{ code: 901, description: `Method ${req.method} not allowed on ${path}` }] });
    const ctx: RequestContext = { req, res, method: req.method ?? "GET", path, params: m.params, query: url.searchParams, body, apiKey: apiKeyUsed };
    let reply: Reply;
    try {
      reply = await m.handler(ctx);
    } catch (err) {
      reply = toErrorReply(err);
    }
    if (ctx.method !== "GET") store.markDirty();
    if (lose) {
      req.socket.destroy();
      return;
    }
    send(res, reply);
  }

  /**
   * Applies the first matching fault rule: true when the request was answered (or dropped, or hung), "lose" when it
   * is to be processed and its answer then thrown away.
   */
  async function injectFault(req: IncomingMessage, res: ServerResponse, faultPath: string, statusReply: (status: number) => Reply): Promise<boolean | "lose"> {
    const fault = faults.pick(req.method ?? "GET", faultPath);
    if (!fault) return false;
    if (fault.kind === "lost") return "lose";
    if (fault.kind === "drop") {
      req.socket.destroy();
      return true;
    }
    if (fault.kind === "hang") {
      hung.add(res);
      res.on("close", () => hung.delete(res));
      return true;
    }
    if (fault.kind === "status") {
      send(res, statusReply(fault.status));
      return true;
    }
    await new Promise((r) => setTimeout(r, fault.latencyMs));
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const path = url.pathname;
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      if (!isLoopback(req.socket.remoteAddress)) return send(res, toErrorReply(tcrError(205, "The control API answers loopback callers only")));
      return dispatch(ctl, req, res, path.slice(CONTROL_PREFIX.length) || "/", url, null);
    }
    if (path.startsWith(`${PAGES_PREFIX}/`)) return handlePages(req, res, path);
    if (path.startsWith(`${VONAGE_PREFIX}/`)) return vonage.handle(req, res, url);
    if (path.startsWith(`${TELNYX_PREFIX}/`)) {
      // Fault rules see the full /10dlc/... path, so /v2 rules (e.g. /brand/*) leave Telnyx alone.
      const fault = await injectFault(req, res, path, (status) => telnyx.faultReply(status));
      if (fault === true) return;
      if (!telnyx.authenticate(req)) {
        res.setHeader("www-authenticate", "Bearer");
        return send(res, telnyx.unauthorized());
      }
      const body = await readBody(req, maxBody);
      const base = { req, res, method: req.method ?? "GET", path: path.slice(TELNYX_PREFIX.length), query: url.searchParams };
      const reply = await telnyx.handle(base, body);
      if (fault === "lose") return void req.socket.destroy();
      return send(res, reply);
    }
    if (!path.startsWith(`${API_PREFIX}/`)) return send(res, toErrorReply(tcrError(901, `Registry paths start with ${API_PREFIX}/`)));
    const apiPath = path.slice(API_PREFIX.length);
    const fault = await injectFault(req, res, apiPath, (status) => ({ status, json: (status === 429 ? tcrError(903) : tcrError(590)).items }));
    if (fault === true) return;
    const key = authenticate(req, apiKey, apiSecret);
    if (!key) {
      res.setHeader("www-authenticate", 'Basic realm="TCR sandbox", Bearer');
      return send(res, toErrorReply(tcrError(202)));
    }
    if (!limiter.take(key, req.method ?? "GET")) return send(res, toErrorReply(tcrError(903)));
    return dispatch(api, req, res, apiPath, url, key, fault === "lose");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, toErrorReply(err)));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  clock.resync();

  let closed = false;
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    telnyxUrl: `${url}${TELNYX_PREFIX}`,
    vonageUrl: `${url}${VONAGE_PREFIX}`,
    pagesUrl: `${url}${PAGES_PREFIX}`,
    port,
    store,
    clock,
    control,
    sim,
    router: api,
    async close() {
      if (closed) return;
      closed = true;
      for (const r of hung) r.destroy();
      await clock.close();
      store.saveNow();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
