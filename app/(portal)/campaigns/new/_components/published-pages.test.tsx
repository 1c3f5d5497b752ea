// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PageSnapshotView } from "@/lib/campaigns/pages/snapshots";

const checkPublishedPagesAction = vi.fn();
vi.mock("@/lib/campaigns/actions", () => ({ checkPublishedPagesAction: (i: unknown) => checkPublishedPagesAction(i) }));
const { PublishedPagesCheck } = await import("./published-pages");

const view = (p: Partial<PageSnapshotView>): PageSnapshotView => ({
  id: "s1", kind: "PRIVACY", requestedUrl: "https://acme.example/privacy", finalUrl: "https://acme.example/privacy", status: 200, outcome: "loaded",
  reason: null, fetchedAt: "2026-12-07T02:50:00.000Z", contentHash: "ab".repeat(32), findings: [], hasHtml: true, campaignId: null, ...p,
});

beforeEach(() => checkPublishedPagesAction.mockReset());

describe("PublishedPagesCheck", () => {
  it("saves the draft, runs the check and lists each URL with its result", async () => {
    const saveDraft = vi.fn(async () => "draft-1");
    checkPublishedPagesAction.mockResolvedValue({ ok: true, data: { pages: [
      view({}),
      view({ id: "s2", kind: "TERMS", requestedUrl: "https://acme.example/terms-old", finalUrl: "https://acme.example/terms" }),
      view({ id: "s3", kind: "OPT_IN", requestedUrl: "https://acme.example/go", finalUrl: "http://169.254.169.254/", status: null, outcome: "refused", contentHash: null, hasHtml: false,
        reason: "Refused to fetch 169.254.169.254: it resolves to 169.254.169.254, a link-local address, which is not a public web server.",
        findings: [{ ruleId: "page.loads", severity: "block", fields: ["messageFlow"], message: "The opt-in evidence must load publicly.", source: "x" }] }),
    ] } });
    render(<PublishedPagesCheck titleId="t" saveDraft={saveDraft} />);
    await userEvent.click(screen.getByRole("button", { name: "Check published pages" }));
    expect(saveDraft).toHaveBeenCalled();
    expect(checkPublishedPagesAction).toHaveBeenCalledWith({ draftId: "draft-1" });
    const rows = screen.getAllByTestId("page-check");
    expect(rows.map((r) => r.getAttribute("data-outcome"))).toEqual(["loaded", "loaded", "refused"]);
    expect(rows[0]).toHaveTextContent("No problems found.");
    expect(rows[1]).toHaveTextContent("Ended at https://acme.example/terms");
    expect(rows[2]).toHaveTextContent("link-local address");
    expect(rows[2]?.querySelector('[data-rule="page.loads"]')).not.toBeNull();
    expect(screen.getByText(/1 problem would get this campaign rejected/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check published pages again" })).toBeEnabled();
  });

  it("shows the action's error", async () => {
    checkPublishedPagesAction.mockResolvedValue({ ok: false, error: "That draft was not found." });
    render(<PublishedPagesCheck titleId="t" saveDraft={async () => "d"} />);
    await userEvent.click(screen.getByRole("button", { name: "Check published pages" }));
    expect(screen.getByRole("alert")).toHaveTextContent("That draft was not found.");
  });
});
