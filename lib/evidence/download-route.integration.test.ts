import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/context";
import { useDb } from "@/lib/db";
import { DiskStorage } from "@/lib/evidence/storage";
import { storeUpload } from "@/lib/evidence/store";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

const state: { ctx: OrgContext | null; storage: DiskStorage | null } = { ctx: null, storage: null };
vi.mock("@/lib/auth/context", () => ({ currentContext: async () => state.ctx }));
vi.mock("@/lib/evidence", async (orig) => ({ ...(await orig<typeof import("@/lib/evidence")>()), evidenceStorage: () => state.storage! }));

const { GET } = await import("@/app/api/files/[id]/route");

let t: TestDb;
let root: string;
let a: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "cd-download-route-"));
  state.storage = new DiskStorage(root);
  t = await createTestDb();
  useDb(t.db);
  a = await makeOrg(t.db);
  state.ctx = { ...a.ctx, sid: "s1", memberships: [{ orgId: a.org.id, orgName: a.org.name, role: "OWNER" }] };
}, 60_000);
afterAll(async () => {
  await t.close();
  await fs.rm(root, { recursive: true, force: true });
});

async function* once(buf: Buffer) {
  yield buf;
}
const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

async function download(id: string) {
  return GET(new Request(`http://x/api/files/${id}`), { params: Promise.resolve({ id }) });
}

describe("GET /api/files/[id]", () => {
  it("sends an uploaded file as an attachment under its sanitized name, unsniffed and sandboxed", async () => {
    const f = await storeUpload({ db: t.db, storage: state.storage! }, { orgId: a.org.id, userId: a.owner.id, kind: "APPEAL_EVIDENCE", fileName: '../IRS "letter"\r\n.pdf', body: once(pdf) });
    const res = await download(f.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Length")).toBe(String(pdf.length));
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="IRS _letter_.pdf"; filename*=UTF-8''IRS%20_letter_.pdf`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("never serves a stored SVG or HTML type as such, whatever the row says", async () => {
    const f = await storeUpload({ db: t.db, storage: state.storage! }, { orgId: a.org.id, userId: a.owner.id, kind: "APPEAL_EVIDENCE", fileName: "x.pdf", body: once(pdf) });
    for (const [mimeType, fileName] of [["image/svg+xml", "logo.svg"], ["text/html; charset=utf-8", "page.html"]] as const) {
      // A row from before the sniffer refused these types, or one written around it.
      await t.db.evidenceFile.update({ where: { id: f.id }, data: { mimeType, fileName } });
      const res = await download(f.id);
      expect(res.headers.get("Content-Type"), mimeType).toBe("application/octet-stream");
      expect(res.headers.get("Content-Disposition"), mimeType).toMatch(/^attachment; /);
      expect(res.headers.get("Content-Security-Policy"), mimeType).toContain("sandbox");
    }
  });

  it("answers another organization's file as not found", async () => {
    const b = await makeOrg(t.db);
    const theirs = await storeUpload({ db: t.db, storage: state.storage! }, { orgId: b.org.id, userId: b.owner.id, kind: "APPEAL_EVIDENCE", fileName: "theirs.pdf", body: once(pdf) });
    const res = await download(theirs.id);
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Disposition")).toBeNull();
  });
});
