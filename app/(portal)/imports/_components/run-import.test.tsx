// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { RunImport } from "./run-import";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn(), replace: vi.fn() }) }));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const quote = { brands: { ready: 3, withErrors: 1, costUsd: 12 }, campaigns: { ready: 2, withErrors: 0, costUsd: 30 }, costUsd: 42 };

describe("RunImport", () => {
  it("shows the quoted cost before anything is sent, then starts the job for exactly that cost and opens its page", async () => {
    const send = vi.fn(async (confirm?: number) => (confirm === undefined ? json(200, quote) : json(201, { jobId: "job1", total: 5 })));
    render(<RunImport send={send} />);
    await userEvent.click(screen.getByRole("button", { name: "Review the cost and register…" }));
    expect(send).toHaveBeenCalledWith();
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Register and pay $42.00?");
    expect(dialog).toHaveTextContent("Brands: 3 ready, 1 left out (errors) — $12.00");
    expect(dialog).toHaveTextContent("Campaigns: 2 ready — $30.00");
    await userEvent.click(screen.getByRole("button", { name: "Register and pay $42.00" }));
    expect(send).toHaveBeenLastCalledWith(42);
    expect(push).toHaveBeenCalledWith("/jobs/job1");
  });

  it("says nothing was registered when the server's cost differs from the confirmed one", async () => {
    const send = vi.fn(async (confirm?: number) =>
      confirm === undefined ? json(200, quote) : json(422, { error: "The cost changed", fieldErrors: { costUsd: "The dry run now costs $46.00, not the $42.00 you confirmed" } }));
    render(<RunImport send={send} />);
    await userEvent.click(screen.getByRole("button", { name: "Review the cost and register…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Register and pay $42.00" }));
    expect(await screen.findByText("Nothing was registered")).toBeVisible();
    expect(screen.getByText(/now costs \$46\.00/)).toBeVisible();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});
