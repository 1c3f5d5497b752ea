// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

const setRule = vi.fn();
vi.mock("@/lib/organizations/actions", () => ({ setRequireTwoFactorAction: (i: unknown) => setRule(i) }));
const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn(), replace: vi.fn() }) }));
vi.mock("sonner", () => ({ toast: { success: vi.fn(), error: vi.fn() } }));

const { RequireTwoFactor } = await import("./require-two-factor");

beforeEach(() => {
  setRule.mockReset();
  refresh.mockReset();
});

describe("RequireTwoFactor", () => {
  it("explains what members will have to do and lets an enrolled owner turn the rule on", async () => {
    setRule.mockResolvedValue({ ok: true, data: { requireTwoFactor: true, changed: true } });
    render(<RequireTwoFactor required={false} canManage ownTwoFactor membersWithout={3} />);
    expect(screen.getByText(/is sent to their Account page to set it up/)).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Not required. 3 members have not set it up yet.");
    await userEvent.click(screen.getByRole("button", { name: "Require two-factor sign-in" }));
    expect(setRule).toHaveBeenCalledWith({ requireTwoFactor: true });
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
  });

  it("keeps an owner without a second factor from requiring one, saying why, and shows a refusal from the server", async () => {
    const { rerender } = render(<RequireTwoFactor required={false} canManage ownTwoFactor={false} membersWithout={1} />);
    expect(screen.getByRole("button", { name: "Require two-factor sign-in" })).toBeDisabled();
    expect(screen.getByText(/for your own account first/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Account" })).toHaveAttribute("href", "/account");

    setRule.mockResolvedValue({ ok: false, error: "Some fields need attention.", fieldErrors: { requireTwoFactor: "Turn on two-factor sign-in for your own account first." } });
    rerender(<RequireTwoFactor required={false} canManage ownTwoFactor membersWithout={1} />);
    await userEvent.click(screen.getByRole("button", { name: "Require two-factor sign-in" }));
    expect(await screen.findByText("Turn on two-factor sign-in for your own account first.")).toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("lets an owner stop requiring it", async () => {
    setRule.mockResolvedValue({ ok: true, data: { requireTwoFactor: false, changed: true } });
    render(<RequireTwoFactor required canManage ownTwoFactor membersWithout={1} />);
    expect(screen.getByRole("status")).toHaveTextContent("Required for every member. 1 member has not set it up yet.");
    await userEvent.click(screen.getByRole("button", { name: "Stop requiring two-factor sign-in" }));
    expect(setRule).toHaveBeenCalledWith({ requireTwoFactor: false });
  });

  it("shows the rule read-only to a non-owner", () => {
    render(<RequireTwoFactor required canManage={false} ownTwoFactor={false} membersWithout={0} />);
    expect(screen.getByRole("status")).toHaveTextContent("Required for every member.");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText("Only an owner of this organization can change this.")).toBeInTheDocument();
  });
});
