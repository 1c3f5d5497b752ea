// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LinkNumberForm } from "./vonage-numbers";

const link = vi.hoisted(() => vi.fn());
const refresh = vi.hoisted(() => vi.fn());
vi.mock("@/lib/campaigns/actions", () => ({ linkCampaignNumberAction: link, unlinkCampaignNumberAction: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));
vi.mock("sonner", () => ({ toast: { success: vi.fn(), error: vi.fn() } }));

describe("LinkNumberForm", () => {
  it("refuses a non-US number at the field without calling Vonage", async () => {
    render(<LinkNumberForm campaignId="VC1" />);
    await userEvent.type(screen.getByLabelText(/Number to link/), "+44 20 7946 0958");
    await userEvent.click(screen.getByRole("button", { name: "Link number" }));
    expect(await screen.findByText(/A US number in E\.164 form/)).toBeTruthy();
    expect(link).not.toHaveBeenCalled();
  });

  it("sends the number in Vonage's form and shows Vonage's refusal at the field", async () => {
    link.mockResolvedValueOnce({ ok: false, error: "The registry rejected the request: Number already linked", fieldErrors: { phoneNumber: "The number is already linked to another campaign" } });
    render(<LinkNumberForm campaignId="VC1" />);
    await userEvent.type(screen.getByLabelText(/Number to link/), "+1 (415) 555-0110");
    await userEvent.click(screen.getByRole("button", { name: "Link number" }));
    expect(link).toHaveBeenCalledWith({ campaignId: "VC1", phoneNumber: "14155550110" });
    expect(await screen.findByText("The number is already linked to another campaign")).toBeTruthy();
    expect(refresh).not.toHaveBeenCalled();
  });
});
