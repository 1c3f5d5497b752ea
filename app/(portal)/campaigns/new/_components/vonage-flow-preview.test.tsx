// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { VonageMessageFlowPreview } from "./vonage-flow-preview";

const preview = vi.hoisted(() => vi.fn());
vi.mock("@/lib/campaigns/actions", () => ({ previewMessageFlowAction: preview }));

const consent = { programName: "Kit Outdoors", mechanisms: [{ method: "TEXT_TO_JOIN", location: "in store", keywords: "JOIN" }] } as never;

describe("VonageMessageFlowPreview", () => {
  it("asks Vonage on the button and shows its text", async () => {
    preview.mockResolvedValueOnce({ ok: true, data: { messageFlow: "Brand: Kit Outdoors \\\nConsent mechanisms:" } });
    render(<VonageMessageFlowPreview consent={consent} />);
    expect(preview).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Preview message flow" }));
    expect(preview).toHaveBeenCalledWith({ consent });
    expect((await screen.findByTestId("vonage-message-flow")).textContent).toContain("Brand: Kit Outdoors");
  });

  it("shows Vonage's refusal with its fields instead of throwing, and says when the consent changed since", async () => {
    preview.mockResolvedValueOnce({ ok: false, error: "Some fields need attention.", fieldErrors: { "consent.privacyPolicyUrl": "Enter a full http(s):// address" } });
    const { rerender } = render(<VonageMessageFlowPreview consent={consent} />);
    await userEvent.click(screen.getByRole("button", { name: "Preview message flow" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("consent.privacyPolicyUrl");
    expect(alert.textContent).toContain("Enter a full http(s):// address");
    rerender(<VonageMessageFlowPreview consent={{ ...(consent as object), programName: "Other" } as never} />);
    expect(screen.getByText(/consent changed since this preview/)).toBeTruthy();
  });
});
