import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTcrError, file, startHarness, verifiedBrand, type Harness } from "./setup";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("it-attachments");
});
afterAll(() => h.sb.close());

describe("attachments: client ↔ sandbox", () => {
  it("attachment.download returns the uploaded bytes; attachment.delete removes it (then 502)", async () => {
    const b = await verifiedBrand(h);
    const content = "%PDF-1.4 evidence bytes";
    const up = await h.tcr.brands.uploadAppealEvidence(b.brandId, file("proof.pdf", content, "application/pdf"));
    const dl = await h.tcr.attachments.download(up.uuid!);
    expect(new TextDecoder().decode(dl.data)).toBe(content);
    expect(dl.contentType).toMatch(/pdf/);
    await h.tcr.attachments.delete(up.uuid!);
    await expectTcrError(h.tcr.attachments.download(up.uuid!), 502, 404);
    await expectTcrError(h.tcr.attachments.delete(up.uuid!), 502, 404);
  });
});
