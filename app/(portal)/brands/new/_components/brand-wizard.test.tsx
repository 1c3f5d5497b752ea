// @vitest-environment jsdom
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BRAND_REGISTRATION_FEE } from "@/lib/billing/fees";

const save = vi.fn();
const submit = vi.fn();
vi.mock("@/lib/brands/actions", () => ({ saveBrandDraftAction: (i: unknown) => save(i), submitBrandDraftAction: (i: unknown) => submit(i) }));
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn(), replace: vi.fn() }) }));

const { BrandWizard } = await import("./brand-wizard");
const options = { verticals: [{ value: "NGO", label: "Non-profit organization" }], altBusinessIdTypes: ["NONE", "DUNS"], countries: null };

beforeEach(() => {
  save.mockReset().mockImplementation(async () => ({ ok: true, data: { draftId: "d1", suggestedReferenceId: "cdref", savedAt: new Date().toISOString() } }));
  submit.mockReset();
});

describe("BrandWizard", () => {
  it("saves the draft on the step change and again shortly after the user types", async () => {
    const user = userEvent.setup();
    render(<BrandWizard draft={null} options={options} fee={BRAND_REGISTRATION_FEE} />);
    await user.click(screen.getByRole("radio", { name: /Non-profit organization/ }));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: /Identity/ });
    // On a loaded machine more than the autosave's second can pass between the radio and Continue: that autosave
    // (at the entity step) may come first, but the step change itself must save, at the step it moves to.
    const afterStep = save.mock.calls.length;
    expect(afterStep).toBeGreaterThanOrEqual(1);
    expect(afterStep).toBeLessThanOrEqual(2);
    expect(save.mock.lastCall![0]).toMatchObject({ step: "identity", values: { entityType: "NON_PROFIT" } });
    expect(save.mock.calls[0]![0]).toMatchObject({ draftId: undefined, values: { entityType: "NON_PROFIT" } });

    await user.type(screen.getByLabelText("Display name"), "Helping Hands");
    await waitFor(() => expect(save.mock.calls.length).toBeGreaterThan(afterStep), { timeout: 3000 });
    expect(save.mock.lastCall![0]).toMatchObject({ draftId: "d1", step: "identity", values: { displayName: "Helping Hands" } });
  });

  it("keeps the user on a step until its fields are valid, with the message at the field", async () => {
    const user = userEvent.setup();
    render(<BrandWizard draft={null} options={options} fee={BRAND_REGISTRATION_FEE} />);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Choose the entity type")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: /Sole proprietor/ }));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: /Identity/ });
    expect(screen.queryByLabelText("Legal company name")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("First name is required for a sole proprietor")).toBeTruthy();
    expect(screen.getByLabelText("First name").getAttribute("aria-invalid")).toBe("true");
    await act(async () => {});
  });
});
