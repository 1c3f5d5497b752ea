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

  it("derives initials from a name or an email", () => {
    expect(initialsOf("Dana Katherine Scully")).toBe("DS");
    expect(initialsOf("fox.mulder@example.com")).toBe("FM");
    expect(initialsOf("walter@example.com")).toBe("W");
  });
});
