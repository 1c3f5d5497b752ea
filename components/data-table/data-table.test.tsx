// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Table, TableHeader, TableRow } from "@/components/ui/table";
import { ExportButton, FilterBar, KeysetPager, SortHeader, TableEmpty, TablePager, exportHref, filterBarState, firstValues, hrefFor, nextSort, pageCount, type FilterField } from "@/components/data-table";

describe("url state", () => {
  it("takes the first value of each param and drops empty ones", () => {
    expect(firstValues({ a: ["1", "2"], b: "", c: "x", d: undefined })).toEqual({ a: "1", b: undefined, c: "x", d: undefined });
  });

  it("leaves empty and default values out of the URL", () => {
    expect(hrefFor("/things", { q: "", page: 1, sort: "created", on: true, off: false, n: null }, { page: 1, sort: "created" })).toBe("/things?on=1");
    expect(hrefFor("/things", { q: "a b&c", page: 2 }, { page: 1 })).toBe("/things?q=a+b%26c&page=2");
    expect(hrefFor("/things", {})).toBe("/things");
  });

  it("flips the current column and starts a new one in its natural direction", () => {
    expect(nextSort({ sort: "name", dir: "asc" }, "name")).toEqual({ sort: "name", dir: "desc" });
    expect(nextSort({ sort: "name", dir: "desc" }, "name")).toEqual({ sort: "name", dir: "asc" });
    expect(nextSort({ sort: "name", dir: "asc" }, "created", "desc")).toEqual({ sort: "created", dir: "desc" });
  });

  it("counts at least one page", () => {
    expect([pageCount(0, 25), pageCount(25, 25), pageCount(26, 25)]).toEqual([1, 1, 2]);
  });
});

describe("SortHeader", () => {
  const head = (active: boolean, dir: "asc" | "desc") =>
    render(
      <Table>
        <TableHeader>
          <TableRow>
            <SortHeader active={active} dir={dir} href="/x?sort=name">Name</SortHeader>
          </TableRow>
        </TableHeader>
      </Table>,
    );

  it("links to the next sort and exposes the current one with aria-sort", () => {
    head(true, "desc");
    const th = screen.getByRole("columnheader");
    expect(th).toHaveAttribute("aria-sort", "descending");
    expect(within(th).getByRole("link", { name: /Name, sorted descending/ })).toHaveAttribute("href", "/x?sort=name");
  });

  it("has no aria-sort on an inactive column", () => {
    head(false, "asc");
    expect(screen.getByRole("columnheader")).not.toHaveAttribute("aria-sort");
    expect(screen.getByRole("link", { name: /activate to sort/ })).toBeInTheDocument();
  });
});

describe("FilterBar", () => {
  it("is a GET form with the current values, carrying kept params and a clear link when filtered", () => {
    render(
      <FilterBar
        action="/things"
        label="Filter things"
        active
        clearHref="/things"
        keep={{ sort: "name", dir: undefined }}
        fields={[
          { kind: "search", name: "q", label: "Search", value: "acme" },
          { kind: "select", name: "kind", label: "Kind", value: "B", allLabel: "All kinds", options: [{ value: "A", label: "Apple" }, { value: "B", label: "Banana" }] },
          { kind: "checkbox", name: "deleted", label: "Show deleted", checked: true },
        ]}
      />,
    );
    const form = screen.getByRole("form", { name: "Filter things" });
    expect(form).toHaveAttribute("method", "get");
    expect(form).toHaveAttribute("action", "/things");
    expect(screen.getByLabelText("Search")).toHaveValue("acme");
    expect(screen.getByLabelText("Kind")).toHaveValue("B");
    expect(screen.getByLabelText("Show deleted")).toBeChecked();
    expect(form.querySelector('input[type=hidden][name=sort]')).toHaveValue("name");
    expect(form.querySelector('input[type=hidden][name=dir]')).toBeNull();
    expect(form.querySelector("[name=page]")).toBeNull();
    expect(screen.getByRole("link", { name: "Clear filters" })).toHaveAttribute("href", "/things");
  });

  it("offers no clear link when nothing is filtered", () => {
    render(<FilterBar action="/things" label="Filter things" clearHref="/things" fields={[{ kind: "search", name: "q", label: "Search" }]} />);
    expect(screen.queryByRole("link", { name: "Clear filters" })).toBeNull();
  });
});

describe("TablePager", () => {
  it("summarises the range and links pages", () => {
    render(<TablePager page={2} total={60} pageSize={25} hrefForPage={(p) => `/t?page=${p}`} noun={["brand", "brands"]} label="Brand pages" />);
    const nav = screen.getByRole("navigation", { name: "Brand pages" });
    expect(within(nav).getByText("26–50 of 60 brands")).toBeInTheDocument();
    expect(within(nav).getByText("Page 2 of 3")).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/t?page=3");
  });

  it("reads naturally for zero and one", () => {
    const { rerender } = render(<TablePager page={1} total={0} pageSize={25} hrefForPage={String} noun={["brand", "brands"]} label="P" />);
    expect(screen.getByText("0 brands")).toBeInTheDocument();
    rerender(<TablePager page={1} total={1} pageSize={25} hrefForPage={String} noun={["brand", "brands"]} label="P" />);
    expect(screen.getByText("1–1 of 1 brand")).toBeInTheDocument();
  });
});

describe("KeysetPager", () => {
  it("on the first page gives the range and only Next", () => {
    render(<KeysetPager shown={25} total={1204} atStart firstHref="/t" nextHref="/t?cursor=n" noun={["brand", "brands"]} label="Brand pages" />);
    const nav = screen.getByRole("navigation", { name: "Brand pages" });
    expect(within(nav).getByText("1–25 of 1,204 brands")).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/t?cursor=n");
    expect(within(nav).queryByRole("link", { name: "Previous page" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "First page" })).toBeNull();
  });

  it("further on claims no position it does not know, and links back", () => {
    render(<KeysetPager shown={4} total={1204} atStart={false} firstHref="/t" previousHref="/t?cursor=p" noun={["brand", "brands"]} label="P" />);
    expect(screen.getByText("4 of 1,204 brands")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Previous page" })).toHaveAttribute("href", "/t?cursor=p");
    expect(screen.getByRole("link", { name: "First page" })).toHaveAttribute("href", "/t");
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
  });

  it("reads naturally for zero and one", () => {
    const { rerender } = render(<KeysetPager shown={0} total={0} atStart firstHref="/t" noun={["brand", "brands"]} label="P" />);
    expect(screen.getByText("0 brands")).toBeInTheDocument();
    rerender(<KeysetPager shown={1} total={1} atStart firstHref="/t" noun={["brand", "brands"]} label="P" />);
    expect(screen.getByText("1–1 of 1 brand")).toBeInTheDocument();
  });
});

describe("TableEmpty", () => {
  it("distinguishes an empty list from no matches", () => {
    const { rerender } = render(<TableEmpty filtered={false} clearHref="/t" emptyTitle="No brands yet" />);
    expect(screen.getByRole("heading", { name: "No brands yet" })).toBeInTheDocument();
    expect(screen.queryByRole("link")).toBeNull();
    rerender(<TableEmpty filtered clearHref="/t" emptyTitle="No brands yet" />);
    expect(screen.getByRole("heading", { name: "Nothing matches these filters" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Clear filters" })).toHaveAttribute("href", "/t");
  });
});

describe("CSV export", () => {
  it("links to the report with the list's filters and sort, without the page", () => {
    expect(exportHref("brands", { q: "acme", identityStatus: "VERIFIED", page: 3, sort: "displayName", deleted: undefined })).toBe(
      "/api/exports/brands?q=acme&identityStatus=VERIFIED&sort=displayName",
    );
    expect(exportHref("audit-log", {}, { bom: true })).toBe("/api/exports/audit-log?bom=1");
  });

  it("renders a download link", () => {
    render(<ExportButton report="audit-log" params={{ outcome: "DENIED" }} />);
    const link = screen.getByRole("link", { name: "Download CSV" });
    expect(link).toHaveAttribute("href", "/api/exports/audit-log?outcome=DENIED");
    expect(link).toHaveAttribute("download");
  });

  it("FilterBar exports the applied filters and kept params when given a report", () => {
    const fields: FilterField[] = [
      { kind: "search", name: "q", label: "Search", value: "a b" },
      { kind: "select", name: "kind", label: "Kind", value: "B", allLabel: "All", options: [{ value: "B", label: "B" }] },
      { kind: "checkbox", name: "deleted", label: "Show deleted", checked: true },
      { kind: "checkbox", name: "mock", label: "Mock only", checked: false },
    ];
    expect(filterBarState(fields, { sort: "name" })).toEqual({ sort: "name", q: "a b", kind: "B", deleted: "1", mock: undefined });
    const { rerender } = render(<FilterBar action="/things" label="Filter things" fields={fields} keep={{ sort: "name" }} exportReport="things" />);
    expect(screen.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/exports/things?sort=name&q=a+b&kind=B&deleted=1");
    rerender(<FilterBar action="/things" label="Filter things" fields={fields} />);
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();
  });
});
