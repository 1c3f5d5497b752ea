// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveStatus } from "@/lib/brands/live-status-schemas";

const status = vi.fn();
vi.mock("@/lib/brands/lifecycle-actions", () => ({ brandLiveStatusAction: (i: unknown) => status(i) }));
const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn(), replace: vi.fn() }) }));

const { LiveStatusWatcher } = await import("./live-status");

const wrap = (ui: ReactNode) => <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>;
const waitingA: LiveStatus = { identityStatus: "SELF_DECLARED", waitingFor: ["identity"], version: "A" };
const doneB: LiveStatus = { identityStatus: "VERIFIED", waitingFor: [], version: "B" };

beforeEach(() => {
  status.mockReset();
  refresh.mockReset();
});

describe("LiveStatusWatcher", () => {
  it("polls while the registry's answer is awaited and reloads the page once when it changes", async () => {
    status.mockResolvedValueOnce({ ok: true, data: waitingA }).mockResolvedValue({ ok: true, data: doneB });
    const { rerender } = render(wrap(<LiveStatusWatcher brandId="B1" initial={waitingA} pollMs={20} />));
    expect(screen.getByRole("status")).toHaveTextContent("Waiting for the identity check; this page updates by itself.");
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    expect(status).toHaveBeenCalledWith({ brandId: "B1" });
    expect(screen.getByRole("status")).toHaveTextContent("updating the page");
    // The refreshed page renders with the new status: nothing is awaited, so polling stops and the line goes.
    rerender(wrap(<LiveStatusWatcher brandId="B1" initial={doneB} pollMs={20} />));
    await waitFor(() => expect(screen.queryByRole("status")).toBeNull());
    const calls = status.mock.calls.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(status.mock.calls.length).toBe(calls);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("does not poll a settled brand", async () => {
    render(wrap(<LiveStatusWatcher brandId="B1" initial={doneB} pollMs={20} />));
    await new Promise((r) => setTimeout(r, 120));
    expect(status).not.toHaveBeenCalled();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("stops after the longest wait, saying how to refresh by hand", async () => {
    status.mockResolvedValue({ ok: true, data: waitingA });
    render(wrap(<LiveStatusWatcher brandId="B1" initial={{ ...waitingA, waitingFor: ["otp", "vetting"] }} pollMs={20} maxMs={100} />));
    expect(screen.getByRole("status")).toHaveTextContent("Waiting for the owner's SMS passcode and the external vetting");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("stopped checking automatically; use Refresh from registry"));
    const calls = status.mock.calls.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(status.mock.calls.length).toBe(calls);
    expect(refresh).not.toHaveBeenCalled();
  });
});
