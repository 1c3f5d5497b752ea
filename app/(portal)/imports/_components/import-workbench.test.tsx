// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { columnsFor, IMPORT_KINDS } from "@/lib/imports/columns";
import { guessMapping } from "@/lib/imports/mapping";
import { ImportWorkbench } from "./import-workbench";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn(), replace: vi.fn() }) }));

const columns = Object.fromEntries(IMPORT_KINDS.map((k) => [k, columnsFor(k).map((c) => ({ field: c.field, label: c.label, required: c.required }))])) as never;
const HEADERS = ["ref", "Kind", "Brand Name", "Company Name", "Tax ID"];
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const line = i + 2;
    const bad = line % 2 === 1;
    return { line, ok: !bad, errors: bad ? [{ field: "ein", message: "A US EIN is 9 digits" }, { field: "brandRelationship", message: "Required" }] : [], warnings: [] };
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("ImportWorkbench", () => {
  it("shows the missing column, re-posts the same file with the user's mapping, and puts each error under its column", async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json(400, { error: "No column for entityType: add it, or map one of the file's columns to it.", problem: "MALFORMED", headers: HEADERS, mapping: guessMapping("brands", HEADERS) }))
      .mockResolvedValueOnce(json(200, { kind: "brands", headers: HEADERS, mapping: guessMapping("brands", HEADERS, { Kind: "entityType" }), delimiter: ",", rows: rows(250), totals: { rows: 250, ok: 125, failed: 125, cost_usd: 500 } }));
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    render(<ImportWorkbench columns={columns} maxBytes={50 * 1024 * 1024} maxRows={20_000} />);

    const file = new File(["ref,Kind,Brand Name,Company Name,Tax ID\n"], "brands.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("CSV file to check"), file);
    expect(await screen.findByRole("alert")).toHaveTextContent("No column for entityType");
    expect(screen.getByText("Required columns not found")).toBeInTheDocument();
    expect(screen.getByLabelText("Field for column Kind")).toHaveValue("");
    expect(screen.getByLabelText("Field for column Tax ID")).toHaveValue("ein");

    await user.selectOptions(screen.getByLabelText("Field for column Kind"), "entityType");
    await user.click(screen.getByRole("button", { name: "Check again with these columns" }));
    const [url, init] = fetch.mock.calls[1]!;
    expect(url).toBe("/api/imports/dry-run?kind=brands");
    expect(init.body).toBe(file);
    expect(JSON.parse(decodeURIComponent(init.headers["x-import-mapping"]))).toMatchObject({ Kind: "entityType", "Tax ID": "ein", ref: "ref" });

    expect(await screen.findByText("$500.00")).toBeInTheDocument();
    expect(screen.getByText("Nothing is sent or charged by a dry run")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    const table = screen.getByRole("table", { name: "Rows of the dry run" });
    const heads = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(heads).toEqual(["Line", "Result", "Tax ID (ein)", "brandRelationship (no column)", "Warnings"]);
    const line3 = within(table).getAllByRole("row")[2]!;
    expect(within(line3).getAllByRole("cell").map((c) => c.textContent)).toEqual(["3", "2 errors", "A US EIN is 9 digits", "Required", ""]);
    expect(screen.getByText("Rows 1–100 of 250")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Rows 101–200 of 250")).toBeInTheDocument();

    await user.click(screen.getByLabelText("Only rows with errors"));
    expect(screen.getByText("Rows 1–100 of 125 with errors")).toBeInTheDocument();
    expect(within(table).getAllByRole("row").slice(1).every((r) => within(r).getAllByRole("cell")[1]!.textContent === "2 errors")).toBe(true);
  });

  it("campaigns: the brand file goes first in the same body, with its size, so brandRef resolves", async () => {
    const answer = { kind: "campaigns", headers: ["brandRef"], mapping: guessMapping("campaigns", ["brandRef"]), delimiter: ",", rows: [], totals: { rows: 0, ok: 0, failed: 0, cost_usd: 0 } };
    const fetch = vi.fn().mockImplementation(async () => json(200, answer));
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    render(<ImportWorkbench columns={columns} maxBytes={50 * 1024 * 1024} maxRows={20_000} />);
    await user.selectOptions(screen.getByLabelText("The file holds"), "campaigns");
    const brands = new File(["ref,entityType\nacme,PRIVATE_PROFIT\n"], "brands.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("Brand file (optional)"), brands);
    const campaigns = new File(["brandRef\nacme\n"], "campaigns.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("CSV file to check"), campaigns);
    await screen.findByText("The file has no rows.");
    const [url, init] = fetch.mock.calls.at(-1)!;
    expect(url).toBe("/api/imports/dry-run?kind=campaigns");
    expect(init.headers["x-brand-file-bytes"]).toBe(String(brands.size));
    expect(await (init.body as Blob).text()).toBe(`${await brands.text()}${await campaigns.text()}`);
  });

  it("says why a file is refused, and has no run button (the bulk job is not here yet)", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(json(415, { error: "Not a CSV file: this is a PDF document.", problem: "NOT_TEXT" })));
    render(<ImportWorkbench columns={columns} maxBytes={50 * 1024 * 1024} maxRows={20_000} />);
    await userEvent.upload(screen.getByLabelText("CSV file to check"), new File(["%PDF-1.7"], "a.pdf", { type: "application/pdf" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Not a CSV file: this is a PDF document.");
    expect(screen.queryByRole("button", { name: /run|register|import/i })).toBeNull();
  });
});
