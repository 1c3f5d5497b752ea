import { createServer, type IncomingHttpHeaders } from "node:http";
import { deflateSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { createSandbox, type Sandbox, type SandboxOptions } from "../server";

/** Test helpers: an in-process sandbox on port 0, a fetch wrapper, and a webhook receiver. */
export const KEY = "test-key";
export const SECRET = "test-secret";

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, seed: "test-seed", rateLimits: false, ...opts });
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(sb: Sandbox, auth: "bearer" | "basic" = "bearer") {
  const authorization = auth === "bearer" ? `Bearer ${KEY}` : `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}`;
  // Response bodies are asserted field by field in tests; a loose default keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const isForm = body instanceof FormData || body instanceof URLSearchParams;
    const res = await fetch(`${sb.apiUrl}${path}`, {
      method,
      headers: { authorization, ...(body !== undefined && !isForm ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}

export interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server that records webhook POSTs; `respond` decides the status per request. */
export async function startReceiver(respond: (n: number) => number = () => 200) {
  const received: Received[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(respond(n++)).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/tcr`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Valid create bodies per entity type. */
export function brandBody(entityType: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const common = {
    entityType, displayName: "ABC Mobile", phone: "+12024567890", street: "123 6th Ave", city: "New York",
    state: "NY", postalCode: "10001", country: "US", email: "johndoe@abc.com",
  };
  const byType: Record<string, Record<string, unknown>> = {
    SOLE_PROPRIETOR: { firstName: "John", lastName: "Doe", referenceId: `sp-${Math.random().toString(36).slice(2)}`, mobilePhone: "+12025550123" },
    PRIVATE_PROFIT: { companyName: "ABC Inc.", ein: "111111111", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL" },
    PUBLIC_PROFIT: {
      companyName: "ABC Inc.", ein: "111111175", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL", stockSymbol: "ABC",
      stockExchange: "NASDAQ", website: "https://www.abc.com", businessContactEmail: "john.doe@abc.com",
    },
    NON_PROFIT: { companyName: "Helping Hands", ein: "222222222", brandRelationship: "BASIC_ACCOUNT", vertical: "NGO" },
    GOVERNMENT: { companyName: "City of Springfield", ein: "333333333", brandRelationship: "BASIC_ACCOUNT", vertical: "GOVERNMENT" },
  };
  return { ...common, ...byType[entityType], ...over };
}

/** A valid ACCOUNT_NOTIFICATION campaign create body (POST /campaignBuilder) for a brand. */
export function campaignBody(brandId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    brandId, usecase: "ACCOUNT_NOTIFICATION", resellerId: "R000000",
    description: "Account alerts for ABC Mobile customers about billing and service changes.",
    messageFlow: "Customers opt in on the account settings page by ticking an unchecked box.",
    subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    sample1: "ABC Mobile: your bill of $20 is due on the 5th. Reply STOP to opt out.",
    helpMessage: "ABC Mobile: help at support@abc.com. Reply STOP to opt out.",
    optinMessage: "ABC Mobile: you will receive account alerts. Reply STOP to opt out.",
    optoutMessage: "ABC Mobile: you are unsubscribed from account alerts.",
    ...over,
  };
}

/** A real (all-white RGB) PNG of the given size, for brand-asset uploads. */
export function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(height * (1 + width * 3), 0xff);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 3)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
