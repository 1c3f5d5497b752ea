import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small in-process server speaking enough of the S3 REST protocol for the evidence storage, path-style only
 * (http://host/bucket/key): PutObject, CreateMultipartUpload / UploadPart / CompleteMultipartUpload /
 * AbortMultipartUpload, GetObject, HeadObject, DeleteObject. Signatures are not verified, but every request
 * must carry an AWS Signature V4 Authorization header. Faults make chosen operations answer with an error.
 */
export type S3Op =
  | "PutObject" | "CreateMultipartUpload" | "UploadPart" | "CompleteMultipartUpload" | "AbortMultipartUpload"
  | "GetObject" | "HeadObject" | "DeleteObject";

export type S3Fault = {
  op: S3Op;
  status: number;
  code?: string;
  /** How many matching requests succeed before the fault starts. */
  skip?: number;
  /** How many requests fail; all of them when unset. */
  times?: number;
};

export type S3Request = { op: S3Op; key: string; status: number; bytes: number };

export type TestS3Server = {
  endpoint: string;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  objects: Map<string, Buffer>;
  /** Multipart uploads started and neither completed nor aborted. */
  uploads: Map<string, { key: string; parts: Map<number, Buffer> }>;
  requests: S3Request[];
  addFault(f: S3Fault): number;
  clearFaults(): void;
  close(): Promise<void>;
};

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const etagOf = (b: Buffer) => `"${createHash("md5").update(b).digest("hex")}"`;

function opOf(method: string, q: URLSearchParams): S3Op | null {
  if (method === "PUT") return q.has("partNumber") && q.has("uploadId") ? "UploadPart" : "PutObject";
  if (method === "POST") return q.has("uploads") ? "CreateMultipartUpload" : q.has("uploadId") ? "CompleteMultipartUpload" : null;
  if (method === "DELETE") return q.has("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
  if (method === "GET") return "GetObject";
  if (method === "HEAD") return "HeadObject";
  return null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startS3Server(opts: { bucket?: string; region?: string } = {}): Promise<TestS3Server> {
  const bucket = opts.bucket ?? "evidence";
  const region = opts.region ?? "us-east-1";
  const objects = new Map<string, Buffer>();
  const uploads = new Map<string, { key: string; parts: Map<number, Buffer> }>();
  const requests: S3Request[] = [];
  const faults = new Map<number, S3Fault & { toSkip: number; left: number }>();
  let nextFault = 1;

  const send = (res: ServerResponse, status: number, body = "", headers: Record<string, string> = {}) => {
    const isHead = res.req.method === "HEAD";
    res.writeHead(status, { ...(body ? { "content-type": "application/xml" } : {}), "content-length": String(isHead ? 0 : Buffer.byteLength(body)), ...headers });
    res.end(isHead ? undefined : body);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://s3.test");
    const q = url.searchParams;
    const op = opOf(req.method ?? "GET", q);
    // Read every body first: answering before the client has sent it makes the SDK see a reset, not the error.
    const body = await readBody(req);
    const [, b, ...rest] = url.pathname.split("/");
    const key = rest.map(decodeURIComponent).join("/");
    let status = 200;
    try {
      const auth = req.headers.authorization ?? "";
      if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=") || !req.headers["x-amz-date"]) {
        status = 403;
        return error(res, 403, "AccessDenied", "Missing or unsupported Authorization header (AWS4-HMAC-SHA256 expected).");
      }
      if (!op) return error(res, (status = 501), "NotImplemented", `${req.method} ${url.pathname}${url.search} is not supported by the test server.`);
      if (b !== bucket) return error(res, (status = 404), "NoSuchBucket", `The bucket ${b} does not exist.`);
      if (!key) return error(res, (status = 400), "InvalidRequest", "Bucket-level operations are not supported by the test server.");
      for (const [id, f] of faults) {
        if (f.op !== op) continue;
        if (f.toSkip > 0) {
          f.toSkip--;
          continue;
        }
        if (--f.left <= 0) faults.delete(id);
        status = f.status;
        return error(res, f.status, f.code ?? "InternalError", `Injected fault on ${op}.`);
      }
      switch (op) {
        case "PutObject":
          objects.set(key, body);
          return send(res, 200, "", { etag: etagOf(body) });
        case "CreateMultipartUpload": {
          const id = randomUUID();
          uploads.set(id, { key, parts: new Map() });
          return send(res, 200, `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
        }
        case "UploadPart": {
          const up = uploads.get(q.get("uploadId")!);
          if (!up || up.key !== key) return error(res, (status = 404), "NoSuchUpload", "The specified upload does not exist.");
          const n = Number(q.get("partNumber"));
          if (!Number.isInteger(n) || n < 1 || n > 10000) return error(res, (status = 400), "InvalidArgument", "Part number must be an integer between 1 and 10000.");
          up.parts.set(n, body);
          return send(res, 200, "", { etag: etagOf(body) });
        }
        case "CompleteMultipartUpload": {
          const id = q.get("uploadId")!;
          const up = uploads.get(id);
          if (!up || up.key !== key) return error(res, (status = 404), "NoSuchUpload", "The specified upload does not exist.");
          const listed = [...body.toString("utf8").matchAll(/<Part>[\s\S]*?<\/Part>/g)].map((m) => ({
            n: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(m[0])?.[1]),
            etag: /<ETag>([^<]*)<\/ETag>/.exec(m[0])?.[1]?.replace(/&quot;|&#34;/g, '"'),
          }));
          if (listed.length === 0) return error(res, (status = 400), "MalformedXML", "No parts listed.");
          const chunks: Buffer[] = [];
          for (const [i, p] of listed.entries()) {
            const part = up.parts.get(p.n);
            if (!part || etagOf(part) !== p.etag) return error(res, (status = 400), "InvalidPart", `Part ${p.n} was not uploaded or its ETag differs.`);
            if (i > 0 && p.n <= listed[i - 1]!.n) return error(res, (status = 400), "InvalidPartOrder", "Parts must be listed in ascending order.");
            // S3's rule: every part but the last is at least 5 MiB.
            if (i < listed.length - 1 && part.length < 5 * 1024 * 1024) return error(res, (status = 400), "EntityTooSmall", `Part ${p.n} is smaller than 5 MiB.`);
            chunks.push(part);
          }
          const whole = Buffer.concat(chunks);
          objects.set(key, whole);
          uploads.delete(id);
          return send(res, 200, `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Location>/${bucket}/${xmlEscape(key)}</Location><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(etagOf(whole))}</ETag></CompleteMultipartUploadResult>`);
        }
        case "AbortMultipartUpload":
          if (!uploads.delete(q.get("uploadId")!)) return error(res, (status = 404), "NoSuchUpload", "The specified upload does not exist.");
          return send(res, (status = 204));
        case "GetObject":
        case "HeadObject": {
          const obj = objects.get(key);
          if (!obj) return error(res, (status = 404), "NoSuchKey", "The specified key does not exist.");
          const headers = { "content-type": "application/octet-stream", "content-length": String(obj.length), etag: etagOf(obj), "last-modified": new Date().toUTCString() };
          res.writeHead(200, headers);
          return res.end(op === "GetObject" ? obj : undefined);
        }
        case "DeleteObject":
          objects.delete(key);
          return send(res, (status = 204));
      }
    } finally {
      if (op) requests.push({ op, key, status, bytes: body.length });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region,
    credentials: { accessKeyId: "test-access-key", secretAccessKey: "test-secret-key" },
    objects,
    uploads,
    requests,
    addFault(f) {
      const id = nextFault++;
      faults.set(id, { ...f, toSkip: f.skip ?? 0, left: f.times ?? Number.POSITIVE_INFINITY });
      return id;
    },
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
