import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePng } from "@/sandbox/testing/helpers";
import { DAY, expectTcrError, file, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-assets");
});
afterAll(() => h.sb.close());

const png = (w: number, hgt: number, name: string) => file(`${name}.png`, new Uint8Array(makePng(w, hgt)), "image/png");

describe("brand assets: client ↔ sandbox", () => {
  it("upload → list → verify (VERIFIED on the clock) → delete refused while verified", async () => {
    const b = await verifiedBrand(h);
    await h.tcr.brandAssets.upload(b.brandId, { name: "Main logo", type: "LOGO" }, png(224, 224, "logo"));
    const list = await h.tcr.brandAssets.list(b.brandId);
    expect(list.map((a) => a.name)).toEqual(["Main logo"]);
    await h.tcr.brandAssets.verify(b.brandId, "Main logo");
    await h.sb.control.advance(DAY + 1);
    expect((await h.tcr.brandAssets.list(b.brandId, { name: "Main logo" } as never))[0]).toMatchObject({ verificationStatus: "VERIFIED" });
    await expectTcrError(h.tcr.brandAssets.delete(b.brandId, "Main logo"), 902, 400);
  });

  it("a rejected asset is appealed (listAppeals PENDING) and an unverified one can be deleted", async () => {
    const b = await verifiedBrand(h);
    await h.tcr.brandAssets.upload(b.brandId, { name: "reject banner", type: "BANNER" }, png(1440, 448, "banner"));
    await h.tcr.brandAssets.verify(b.brandId, "reject banner");
    await h.sb.control.advance(DAY + 1);
    expect((await h.tcr.brandAssets.list(b.brandId))[0]).toMatchObject({ verificationStatus: "UNVERIFIED" });
    await h.tcr.brandAssets.appeal(b.brandId, "reject banner", { appealCategories: ["OWNERSHIP"] });
    expect((await h.tcr.brandAssets.listAppeals(b.brandId, "reject banner"))[0]).toMatchObject({ appealStatus: "PENDING" });
    await h.tcr.brandAssets.upload(b.brandId, { name: "spare", type: "LOGO" }, png(224, 224, "spare"));
    await h.tcr.brandAssets.delete(b.brandId, "spare");
    expect((await h.tcr.brandAssets.list(b.brandId)).map((a) => a.name)).not.toContain("spare");
  });

  it("brandAsset.upload with a too-small logo → 501", async () => {
    const b = await verifiedBrand(h);
    await expectTcrError(h.tcr.brandAssets.upload(b.brandId, { name: "tiny", type: "LOGO" }, png(200, 200, "tiny")), 501, 400);
  });

  it("brandAsset.upload by url: the registry downloads the image", async () => {
    const img = makePng(224, 224);
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(img));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`;
      const b = await verifiedBrand(h);
      await h.tcr.brandAssets.upload(b.brandId, { name: "url logo", type: "LOGO", url });
      expect((await h.tcr.brandAssets.list(b.brandId))[0]).toMatchObject({ name: "url logo", type: "LOGO", url });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
