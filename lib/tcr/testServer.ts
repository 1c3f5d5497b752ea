/** A throwaway local HTTP server for the client's behaviour tests (not the sandbox). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: Buffer;
  at: number;
}

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string>; raw?: string }
  | { hang: true }
  | { destroy: true };

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export interface FakeServer {
  baseUrl: string;
  requests: RecordedRequest[];
  setHandler(h: Handler): void;
  close(): Promise<void>;
}

export async function startFakeServer(initial?: Handler): Promise<FakeServer> {
  let handler: Handler = initial ?? (() => ({ status: 404, body: [{ code: 404, description: "no handler" }] }));
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rec: RecordedRequest = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://localhost"),
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      requests.push(rec);
      void Promise.resolve(handler(rec)).then((reply) => {
        if ("hang" in reply) {
          open.add(res);
          return;
        }
        if ("destroy" in reply) {
          req.socket.destroy();
          return;
        }
        const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    setHandler(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
