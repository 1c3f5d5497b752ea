// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { OrgSwitcher } from "@/components/layout/org-switcher";
import { initialsOf, UserMenu } from "@/components/layout/user-menu";

const orgs = [
  { id: "org_a", name: "Acme Messaging", role: "Owner" },
  { id: "org_b", name: "Beta Notifications", role: "Viewer" },
];

describe("OrgSwitcher", () => {
  it("lists the user's organizations with the current one checked and switches on select", async () => {
    const user = userEvent.setup();
    const onSwitch = vi.fn(async () => {});
    render(<OrgSwitcher currentOrgId="org_a" orgs={orgs} onSwitch={onSwitch} />);

    await user.click(screen.getByRole("button", { name: "Organization: Acme Messaging" }));
    const current = await screen.findByRole("menuitemradio", { name: /Acme Messaging/ });
    expect(current).toHaveAttribute("aria-checked", "true");
    await user.click(screen.getByRole("menuitemradio", { name: /Beta Notifications/ }));
    await waitFor(() => expect(onSwitch).toHaveBeenCalledWith("org_b"));
    expect(onSwitch).toHaveBeenCalledTimes(1);
  });

  it("does not call onSwitch for the organization already active", async () => {
    const user = userEvent.setup();
    const onSwitch = vi.fn();
    render(<OrgSwitcher currentOrgId="org_a" orgs={orgs} onSwitch={onSwitch} />);
    await user.click(screen.getByRole("button", { name: /Acme Messaging/ }));
    await user.click(await screen.findByRole("menuitemradio", { name: /Acme Messaging/ }));
    expect(onSwitch).not.toHaveBeenCalled();
  });

  it("shows a single organization as plain text, not a menu", () => {
    render(<OrgSwitcher currentOrgId="org_a" orgs={orgs.slice(0, 1)} onSwitch={vi.fn()} />);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("Acme Messaging")).toBeInTheDocument();
  });
});

describe("UserMenu", () => {
  it("shows who is signed in and their role, and signs out", async () => {
    const user = userEvent.setup();
    const onSignOut = vi.fn();
    render(<UserMenu name="Dana Scully" email="dana@example.com" role="Admin" onSignOut={onSignOut} />);

    await user.click(screen.getByRole("button", { name: /Dana Scully/ }));
    const menu = await screen.findByRole("menu");
    expect(menu).toHaveTextContent("dana@example.com");
    expect(menu).toHaveTextContent("Admin");
    await user.click(screen.getByRole("menuitem", { name: "Sign out" }));
    await waitFor(() => expect(onSignOut).toHaveBeenCalledTimes(1));
  });

  it("opens from the keyboard on the first key: the first item has focus, arrows move, Escape closes back to the button", async () => {
    const user = userEvent.setup();
    render(
      <UserMenu name="Dana Scully" email="dana@example.com" onSignOut={vi.fn()} links={[{ href: "/account", label: "Account" }]} />,
    );
    const trigger = screen.getByRole("button", { name: /Dana Scully/ });
    // Before the menu's code is loaded the button still says what it opens.
    expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    trigger.focus();
    await user.keyboard("{Enter}");
    const account = await screen.findByRole("menuitem", { name: "Account" });
    await waitFor(() => expect(account).toHaveFocus());
    expect(account).toHaveAttribute("href", "/account");
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    const loaded = screen.getByRole("button", { name: /Dana Scully/ });
    expect(loaded).toHaveFocus();
    expect(loaded).toHaveAttribute("aria-expanded", "false");
    // Loaded now: Radix's own trigger opens it again.
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getByRole("menuitem", { name: "Account" })).toHaveFocus());
  });

  it("derives initials from a name or an email", () => {
    expect(initialsOf("Dana Katherine Scully")).toBe("DS");
    expect(initialsOf("fox.mulder@example.com")).toBe("FM");
    expect(initialsOf("walter@example.com")).toBe("W");
  });
});
