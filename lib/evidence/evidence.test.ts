import { describe, expect, it } from "vitest";
import { attachSchema, targetSchema } from "@/lib/evidence/attach-targets";
import { checkDimensions, EvidenceRejected, inspectHead } from "@/lib/evidence/inspect";
import { acceptedExtensions } from "@/lib/evidence/kinds";
import { sanitizeFileName } from "@/lib/evidence/sanitize";
import { makePng } from "@/sandbox/testing/helpers";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
// The start of a Windows executable: "MZ" header with a PE offset pointing at "PE\0\0".
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
})();

describe("file names", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\evidence.pdf", "evidence.pdf"],
    ["..hidden.pdf", "hidden.pdf"],
    ["bad\u0000name\u202e.pdf", "badname.pdf"],
    ['what?<is>"this".pdf', "what__is__this_.pdf"],
    ["", "file"],
    ["   ", "file"],
  ])("%j → %j", (raw, clean) => expect(sanitizeFileName(raw)).toBe(clean));
  it("shortens very long names but keeps the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(500)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("types by content", () => {
  it("accepts a PDF as appeal evidence and serves it as application/pdf", async () => {
    await expect(inspectHead("APPEAL_EVIDENCE", PDF, "letter.pdf")).resolves.toEqual({ mimeType: "application/pdf" });
  });
  it("refuses a renamed executable, saying what it really is", async () => {
    const e = await inspectHead("BRAND_LOGO", EXE, "logo.png").catch((x) => x);
    expect(e).toBeInstanceOf(EvidenceRejected);
    expect(e.message).toMatch(/Windows program named \.png/);
  });
  it("refuses contents that disagree with the name", async () => {
    await expect(inspectHead("APPEAL_EVIDENCE", PDF, "photo.png")).rejects.toThrow(/contents are PDF but its name ends in \.png/);
  });
  it("accepts plain text only when it is text", async () => {
    await expect(inspectHead("APPEAL_EVIDENCE", Buffer.from("Our EIN letter is attached.\r\n"), "note.txt")).resolves.toEqual({ mimeType: "text/plain" });
    await expect(inspectHead("APPEAL_EVIDENCE", Buffer.from([0x00, 0x01, 0x02, 0xff]), "note.txt")).rejects.toThrow(/not plain text/);
    await expect(inspectHead("BRAND_LOGO", Buffer.from("hello"), "logo.txt")).rejects.toThrow(/could not be recognised/);
  });
  it("lists what each kind accepts", () => {
    expect(acceptedExtensions("BRAND_LOGO")).toEqual(["jpeg", "jpg", "png"]);
    expect(acceptedExtensions("SUPPORTING_DOCUMENT")).toEqual(expect.arrayContaining(["pdf", "docx", "png", "txt"]));
  });
});

describe("brand imagery dimensions", () => {
  it("requires a 224×224 logo and a 1440×448 banner", async () => {
    expect(checkDimensions("BRAND_LOGO", makePng(224, 224))).toEqual({ width: 224, height: 224 });
    expect(() => checkDimensions("BRAND_LOGO", makePng(225, 224))).toThrow(/exactly 224×224 pixels; this one is 225×224/);
    expect(checkDimensions("BRAND_BANNER", makePng(1440, 448))).toEqual({ width: 1440, height: 448 });
    expect(checkDimensions("APPEAL_EVIDENCE", makePng(10, 10))).toBeNull();
    await expect(inspectHead("BRAND_LOGO", makePng(224, 224), "logo.png")).resolves.toEqual({ mimeType: "image/png" });
  });
});

describe("targets", () => {
  it("sends appeal evidence to a brand and campaign files to a campaign", () => {
    expect(targetSchema.parse({ targetType: "CAMPAIGN_MMS", targetId: " c1a2b3c " })).toEqual({ targetType: "CAMPAIGN_MMS", targetId: "C1A2B3C" });
    expect(targetSchema.safeParse({ targetType: "CAMPAIGN_MMS", targetId: "B1A2B3C" }).error?.issues[0]).toMatchObject({ path: ["targetId"], message: "This goes to a campaign: its id starts with C." });
    expect(targetSchema.safeParse({ targetType: "BRAND_APPEAL_EVIDENCE", targetId: "C1A2B3C" }).error?.issues[0]?.message).toBe("Appeal evidence goes to a brand: its id starts with B.");
    expect(attachSchema.safeParse({ fileId: "f", targetType: "BRAND_APPEAL_EVIDENCE", targetId: "not an id" }).error?.issues[0]?.message).toBe("A registry brand or campaign id, e.g. B1A2B3C.");
  });
});
