// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Pagination } from "@/components/ui/pagination";

const hrefForPage = (page: number) => `/campaigns?status=ACTIVE&page=${page}`;

describe("Pagination", () => {
  it("builds previous and next links from hrefForPage and shows the position", () => {
    render(<Pagination page={3} pageCount={7} hrefForPage={hrefForPage} summary="140 campaigns" />);
    const nav = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(nav).getByRole("link", { name: "Previous page" })).toHaveAttribute(
      "href",
      "/campaigns?status=ACTIVE&page=2",
    );
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute(
      "href",
      "/campaigns?status=ACTIVE&page=4",
    );
    expect(within(nav).getByText("Page 3 of 7")).toBeInTheDocument();
    expect(within(nav).getByText("140 campaigns")).toBeInTheDocument();
  });

  it("disables previous on the first page and next on the last", () => {
    const { rerender } = render(<Pagination page={1} pageCount={2} hrefForPage={hrefForPage} />);
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
    expect(screen.getByText("Previous").closest("[aria-disabled]")).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("link", { name: "Next page" })).toBeInTheDocument();

    rerender(<Pagination page={2} pageCount={2} hrefForPage={hrefForPage} />);
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
    expect(screen.getByRole("link", { name: "Previous page" })).toHaveAttribute(
      "href",
      "/campaigns?status=ACTIVE&page=1",
    );
  });

  it("treats an empty list as a single page", () => {
    render(<Pagination page={1} pageCount={0} hrefForPage={hrefForPage} />);
    expect(screen.getByText("Page 1 of 1")).toBeInTheDocument();
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });

  it("sends a stale page beyond the end back to the last page", () => {
    render(<Pagination page={9} pageCount={4} hrefForPage={hrefForPage} />);
    expect(screen.getByRole("link", { name: "Previous page" })).toHaveAttribute(
      "href",
      "/campaigns?status=ACTIVE&page=4",
    );
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
  });

  it("supports keyset lists without a page count", () => {
    render(<Pagination page={2} hasNextPage hrefForPage={hrefForPage} />);
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Next page" })).toHaveAttribute(
      "href",
      "/campaigns?status=ACTIVE&page=3",
    );
  });
});
