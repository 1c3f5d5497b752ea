// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { resolveActiveNav, SidebarNav, type NavItem } from "@/components/layout/sidebar-nav";

const items: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
  { href: "/brands", label: "Brands", icon: "brands" },
  { href: "/brands/new", label: "Register brand" },
  { href: "/campaigns", label: "Campaigns", icon: <svg data-testid="custom-icon" /> },
  { href: "/partner-campaigns", label: "Partner campaigns", icon: "partner-campaigns" },
];

describe("SidebarNav", () => {
  it("marks the current page with aria-current=page and nothing else", () => {
    render(<SidebarNav items={items} pathname="/brands" />);
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(nav).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Brands" })).toHaveAttribute("aria-current", "page");
    const current = screen.getAllByRole("link").filter((link) => link.hasAttribute("aria-current"));
    expect(current).toHaveLength(1);
  });

  it("marks the section of a nested page with aria-current=true", () => {
    render(<SidebarNav items={items} pathname="/brands/B1XYZ23/evidence" />);
    expect(screen.getByRole("link", { name: "Brands" })).toHaveAttribute("aria-current", "true");
    expect(screen.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
  });

  it("prefers the most specific item", () => {
    render(<SidebarNav items={items} pathname="/brands/new" />);
    expect(screen.getByRole("link", { name: "Register brand" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Brands" })).not.toHaveAttribute("aria-current");
  });

  it("only matches on whole path segments", () => {
    render(<SidebarNav items={items} pathname="/partner-campaigns" />);
    expect(screen.getByRole("link", { name: "Campaigns" })).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("link", { name: "Partner campaigns" })).toHaveAttribute("aria-current", "page");
  });

  it("renders named icons and icon nodes, hidden from assistive tech", () => {
    render(<SidebarNav items={items} pathname="/dashboard" />);
    const dashboard = screen.getByRole("link", { name: "Dashboard" });
    expect(dashboard.querySelector("svg")?.closest("[aria-hidden='true']")).not.toBeNull();
    const custom = screen.getByTestId("custom-icon");
    expect(custom.closest("[aria-hidden='true']")).not.toBeNull();
  });

  it("resolves trailing slashes, query strings and unknown paths", () => {
    expect(resolveActiveNav(items, "/campaigns/?status=ACTIVE")).toEqual({ index: 3, exact: true });
    expect(resolveActiveNav(items, "/settings")).toBeNull();
    expect(resolveActiveNav(items, null)).toBeNull();
  });
});
