// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { AppShell } from "@/components/layout/app-shell";
import type { NavItem } from "@/components/layout/sidebar-nav";

const nav: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
  { href: "/campaigns", label: "Campaigns", icon: "campaigns" },
];

describe("AppShell", () => {
  it("renders the landmarks, the skip link and the page content", () => {
    render(
      <AppShell nav={nav} pathname="/campaigns" headerActions={<button type="button">Account</button>}>
        <h1>Campaigns</h1>
      </AppShell>,
    );
    expect(screen.getByRole("banner")).toContainElement(screen.getByRole("button", { name: "Account" }));
    const main = screen.getByRole("main");
    expect(main).toHaveAttribute("id", "main-content");
    expect(within(main).getByRole("heading", { name: "Campaigns" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main-content");
    const sidebar = screen.getByRole("complementary", { name: "Sidebar" });
    expect(within(sidebar).getByRole("link", { name: "Campaigns" })).toHaveAttribute("aria-current", "page");
  });

  it("opens the navigation drawer from the menu button and closes it when a link is followed", async () => {
    const user = userEvent.setup();
    render(
      <AppShell nav={nav} pathname="/dashboard">
        <p>Content</p>
      </AppShell>,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Open navigation" }));
    // The drawer's module loads on that first tap.
    const drawer = await screen.findByRole("dialog", { name: "Navigation" });
    const link = within(drawer).getByRole("link", { name: "Campaigns" });
    expect(within(drawer).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    // Stop jsdom from attempting a real navigation; the click handler still runs.
    link.addEventListener("click", (event) => event.preventDefault());
    await user.click(link);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("closes the drawer when the route changes", async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <AppShell nav={nav} pathname="/dashboard">
        <p>Content</p>
      </AppShell>,
    );
    await user.click(screen.getByRole("button", { name: "Open navigation" }));
    expect(await screen.findByRole("dialog", { name: "Navigation" })).toBeInTheDocument();
    rerender(
      <AppShell nav={nav} pathname="/campaigns">
        <p>Content</p>
      </AppShell>,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("gives focus back to the menu button when the drawer closes", async () => {
    const user = userEvent.setup();
    render(
      <AppShell nav={nav} pathname="/dashboard">
        <p>Content</p>
      </AppShell>,
    );
    const button = screen.getByRole("button", { name: "Open navigation" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.click(button);
    await screen.findByRole("dialog", { name: "Navigation" });
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute("aria-expanded", "false");
    // Loaded once, the drawer opens again at once.
    await user.click(button);
    expect(screen.getByRole("dialog", { name: "Navigation" })).toBeInTheDocument();
  });
});
