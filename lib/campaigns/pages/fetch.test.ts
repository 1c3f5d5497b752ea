import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressProblem, expandIpv6, fetchPage, parseAllowList, type Resolver } from "./fetch";

let server: http.Server;
let port: number;
let base: string;
const sockets = new Set<import("node:net").Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const p = url.pathname;
    if (p === "/html") { res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }); res.end("<h1>Privacy</h1>"); return; }
    if (p === "/plain") { res.writeHead(200, { "Content-Type": "text/plain" }); res.end("plain text"); return; }
    if (p === "/latin1") { res.writeHead(200, { "Content-Type": "text/html; charset=iso-8859-1" }); res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); return; }
    if (p === "/json") { res.writeHead(200, { "Content-Type": "application/json" }); res.end("{}"); return; }
    if (p === "/missing") { res.writeHead(404, { "Content-Type": "text/html" }); res.end("not here"); return; }
    if (p === "/host") { res.writeHead(200, { "Content-Type": "text/plain" }); res.end(String(req.headers.host)); return; }
    if (p === "/big") {
      // No Content-Length: the limit must stop the stream itself.
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = () => { while (sent < 3 * 1024 * 1024) { sent += chunk.length; if (!res.write(chunk)) { res.once("drain", pump); return; } } res.end(); };
      pump();
      return;
    }
    if (p === "/big-declared") { res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(3 * 1024 * 1024) }); res.write("x"); return; }
    if (p === "/gzip") { res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }); res.end(zlib.gzipSync("<p>compressed policy</p>")); return; }
    if (p === "/gzip-bomb") { res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }); res.end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x61))); return; }
    if (p === "/slow-body") { res.writeHead(200, { "Content-Type": "text/html" }); res.write("<p>start"); return; }
    if (p === "/slow") { return; /* never answers */ }
    if (p === "/redirect") { res.writeHead(302, { Location: "/html" }); res.end(); return; }
    if (p.startsWith("/chain/")) {
      const n = Number(p.slice("/chain/".length));
      res.writeHead(301, { Location: n <= 0 ? "/html" : `/chain/${n - 1}` }); res.end(); return;
    }
    if (p === "/to-private") { res.writeHead(302, { Location: "http://10.0.0.7/admin" }); res.end(); return; }
    if (p === "/to-evil-name") { res.writeHead(307, { Location: `http://evil.test:${port}/html` }); res.end(); return; }
    if (p === "/to-ftp") { res.writeHead(302, { Location: "ftp://example.com/x" }); res.end(); return; }
    res.writeHead(500); res.end();
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const allow = () => [`127.0.0.1:${port}`];
const fakeDns = (table: Record<string, string[]>): Resolver => async (host) => {
  const a = table[host];
  if (!a) throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
  return a.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

describe("addressProblem", () => {
  it.each([
    ["127.0.0.1", "loopback"], ["127.255.0.9", "loopback"], ["10.1.2.3", "private"], ["172.16.0.1", "private"], ["172.31.255.255", "private"],
    ["192.168.1.1", "private"], ["169.254.169.254", "link-local"], ["100.64.0.1", "CGNAT"], ["100.127.255.255", "CGNAT"],
    ["0.0.0.0", "unspecified"], ["224.0.0.1", "multicast"], ["239.255.255.250", "multicast"], ["255.255.255.255", "reserved"],
    ["::", "unspecified"], ["::1", "loopback"], ["fe80::1", "link-local"], ["fe80::1%eth0", "link-local"], ["fc00::1", "unique local"], ["fd12:3456::1", "unique local"],
    ["ff02::1", "multicast"], ["::ffff:127.0.0.1", "loopback"], ["::ffff:7f00:1", "loopback"], ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "link-local"], ["64:ff9b::10.0.0.1", "private"], ["2002:c0a8:0101::1", "private"], ["0:0:0:0:0:0:0:1", "loopback"],
  ])("%s is refused (%s)", (ip, what) => {
    expect(addressProblem(ip)).toContain(what);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2001:4860:4860::8888"])("%s is public", (ip) => {
    expect(addressProblem(ip)).toBeNull();
  });

  it("expands IPv6 forms", () => {
    expect(expandIpv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(expandIpv6("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(expandIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(expandIpv6("1::2::3")).toBeNull();
    expect(expandIpv6("1:2:3")).toBeNull();
  });

  it("parses the allow-list", () => {
    expect(parseAllowList(" 127.0.0.1:4010, Localhost:4010 ,,")).toEqual(["127.0.0.1:4010", "localhost:4010"]);
    expect(parseAllowList(undefined)).toEqual([]);
  });
});

describe("fetchPage", () => {
  it("fetches an allowed local HTML page", async () => {
    const r = await fetchPage(`${base}/html`, { allow: allow() });
    expect(r).toMatchObject({ ok: true, status: 200, finalUrl: `${base}/html`, body: "<h1>Privacy</h1>" });
  });

  it("keeps text/plain and decodes the stated charset", async () => {
    expect(await fetchPage(`${base}/plain`, { allow: allow() })).toMatchObject({ ok: true, body: "plain text" });
    expect(await fetchPage(`${base}/latin1`, { allow: allow() })).toMatchObject({ ok: true, body: "café" });
  });

  it("refuses loopback when the allow-list does not name the host:port", async () => {
    const r = await fetchPage(`${base}/html`);
    expect(r).toMatchObject({ ok: false, reason: "private-address" });
    if (!r.ok) expect(r.message).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(await fetchPage(`${base}/html`, { allow: ["127.0.0.1:1"] })).toMatchObject({ ok: false, reason: "private-address" });
  });

  it("refuses a name that resolves to a private address, and a name with any private address among its answers", async () => {
    const resolve = fakeDns({ "evil.test": ["10.0.0.5"], "mixed.test": ["93.184.216.34", "127.0.0.1"], "v6.test": ["::ffff:192.168.0.1"], "meta.test": ["fd00:ec2::254"] });
    for (const host of ["evil.test", "mixed.test", "v6.test", "meta.test"]) {
      expect(await fetchPage(`http://${host}/privacy`, { resolve })).toMatchObject({ ok: false, reason: "private-address" });
    }
  });

  it("refuses literal private addresses, IPv6 included", async () => {
    for (const u of ["http://169.254.169.254/latest/meta-data", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "https://100.64.1.1/"]) {
      expect(await fetchPage(u)).toMatchObject({ ok: false, reason: "private-address" });
    }
  });

  it("connects to the address that was checked, not a second DNS answer", async () => {
    // pages.test does not exist in real DNS: the page only loads if the socket uses the checked address.
    const r = await fetchPage(`http://pages.test:${port}/host`, { allow: [`pages.test:${port}`], resolve: fakeDns({ "pages.test": ["127.0.0.1"] }) });
    expect(r).toMatchObject({ ok: true, status: 200, body: `pages.test:${port}` });
  });

  it("reports a DNS failure", async () => {
    expect(await fetchPage("http://nowhere.test/", { resolve: fakeDns({}) })).toMatchObject({ ok: false, reason: "dns" });
  });

  it("refuses schemes other than http and https, and invalid URLs", async () => {
    expect(await fetchPage("file:///etc/passwd")).toMatchObject({ ok: false, reason: "scheme" });
    expect(await fetchPage("ftp://example.com/privacy")).toMatchObject({ ok: false, reason: "scheme" });
    expect(await fetchPage("javascript:alert(1)")).toMatchObject({ ok: false, reason: "scheme" });
    expect(await fetchPage("not a url")).toMatchObject({ ok: false, reason: "invalid-url" });
    expect(await fetchPage("http://user:pw@example.com/")).toMatchObject({ ok: false, reason: "invalid-url" });
  });

  it("follows redirects and records each hop", async () => {
    const r = await fetchPage(`${base}/chain/4`, { allow: allow() });
    expect(r).toMatchObject({ ok: true, status: 200, finalUrl: `${base}/html` });
    expect(r.hops).toHaveLength(6);
    expect(await fetchPage(`${base}/redirect`, { allow: allow() })).toMatchObject({ ok: true, finalUrl: `${base}/html` });
  });

  it("stops after 5 redirects", async () => {
    expect(await fetchPage(`${base}/chain/5`, { allow: allow() })).toMatchObject({ ok: false, reason: "too-many-redirects" });
  });

  it("re-checks every redirect hop", async () => {
    const resolve = fakeDns({ "evil.test": ["127.0.0.1"] });
    expect(await fetchPage(`${base}/to-private`, { allow: allow(), resolve })).toMatchObject({ ok: false, reason: "private-address", finalUrl: "http://10.0.0.7/admin" });
    expect(await fetchPage(`${base}/to-evil-name`, { allow: allow(), resolve })).toMatchObject({ ok: false, reason: "private-address" });
    expect(await fetchPage(`${base}/to-ftp`, { allow: allow() })).toMatchObject({ ok: false, reason: "scheme" });
  });

  it("stops reading a body over the limit and says it is too large", async () => {
    const r = await fetchPage(`${base}/big`, { allow: allow() });
    expect(r).toMatchObject({ ok: false, reason: "too-large", status: 200 });
    expect(await fetchPage(`${base}/big-declared`, { allow: allow() })).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("decompresses a gzip body and counts the limit after decompression", async () => {
    expect(await fetchPage(`${base}/gzip`, { allow: allow() })).toMatchObject({ ok: true, body: "<p>compressed policy</p>" });
    expect(await fetchPage(`${base}/gzip-bomb`, { allow: allow() })).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("times out", async () => {
    const started = Date.now();
    const r = await fetchPage(`${base}/slow`, { allow: allow(), timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
    // The limit covers the whole exchange: a body that never ends times out too.
    expect(await fetchPage(`${base}/slow-body`, { allow: allow(), timeoutMs: 300 })).toMatchObject({ ok: false, reason: "timeout" });
  });

  it("keeps only HTML and plain text", async () => {
    expect(await fetchPage(`${base}/json`, { allow: allow() })).toMatchObject({ ok: false, reason: "content-type" });
  });

  it("returns a non-2xx status as a loaded response for the check to judge", async () => {
    expect(await fetchPage(`${base}/missing`, { allow: allow() })).toMatchObject({ ok: true, status: 404, body: "not here" });
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const p = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await fetchPage(`http://127.0.0.1:${p}/`, { allow: [`127.0.0.1:${p}`] })).toMatchObject({ ok: false, reason: "network" });
  });
});
