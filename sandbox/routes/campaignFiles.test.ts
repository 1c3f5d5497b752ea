import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { apiClient, brandBody, campaignBody, MIN, startSandbox } from "../testing/helpers";

let sb: Sandbox;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sb = await startSandbox();
  api = apiClient(sb);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control.reset();
});

async function campaign(mock = false): Promise<string> {
  const b = (await api("POST", "/brand/nonBlocking", brandBody("PRIVATE_PROFIT", { mock }))).body;
  await sb.control.advance(2 * MIN);
  const r = await api("POST", "/campaignBuilder", campaignBody(b.brandId));
  return r.body.campaignId as string;
}

const form = (name: string, content: string | Buffer = "x") => {
  const fd = new FormData();
  fd.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), name);
  return fd;
};

describe("campaign files and nnSR", () => {
  it("accepts MMS samples and supporting documents by extension, lists them, serves them as attachments", async () => {
    const id = await campaign();
    expect((await api("POST", `/campaign/${id}/mms`, form("clip.exe"))).body[0].field).toBe("file");
    const mms = (await api("POST", `/campaign/${id}/mms`, form("sample.gif", "GIF89a"))).body;
    expect(mms).toEqual({ uuid: expect.any(String), fileName: "sample.gif", mimeType: "image/gif" });
    expect((await api("POST", `/campaign/${id}/mms`, form("big.mp4", Buffer.alloc(10 * 1024 * 1024 + 1)))).status).toBe(413);
    expect((await api("POST", `/campaign/${id}/supportingDocument`, form("optin.gif"))).status).toBe(400);
    const doc = (await api("POST", `/campaign/${id}/supportingDocument`, form("optin.pdf", "%PDF"))).body;
    expect((await api("GET", `/campaign/${id}/mms`)).body).toEqual([mms]);
    expect((await api("GET", `/campaign/${id}/supportingDocument`)).body).toEqual([doc]);
    const res = await fetch(`${sb.apiUrl}/attachment/${doc.uuid}`, { headers: { authorization: "Bearer test-key" } });
    expect(await res.text()).toBe("%PDF");
  });

  it("reports nnSR attributes and provisioned numbers; deactivation moves numbers to previous", async () => {
    const id = await campaign();
    expect((await api("GET", `/campaign/${id}/osr/attributes`)).body).toEqual({ msg_class: "E", status: "15", brand_id: expect.stringMatching(/^B/) });
    const ctl = await fetch(`${sb.url}/_sandbox/campaigns/${id}/phoneNumbers`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 3 }) });
    const { phoneNumbers } = await ctl.json();
    expect(phoneNumbers).toHaveLength(3);
    const page = (await api("GET", `/campaign/${id}/phoneNumbers?current=true&recordsPerPage=2`)).body;
    expect(page).toMatchObject({ page: 1, totalRecords: 3 });
    expect(page.records[0]).toMatchObject({ phoneNumber: expect.stringMatching(/^\+1\d{10}$/), campaignId: id, current: true });
    await api("DELETE", `/campaign/${id}`);
    expect((await api("GET", `/campaign/${id}/phoneNumbers?current=false`)).body.totalRecords).toBe(3);
    expect((await api("GET", `/campaign/${id}/osr/attributes`)).body[0].code).toBe(502);
    const mockId = await campaign(true);
    expect((await api("GET", `/campaign/${mockId}/osr/attributes`)).body[0].code).toBe(502);
  });
});
