// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { lintCampaign, type Acknowledgement } from "@/lib/campaigns/lint";
import { withCampaign } from "@/lib/campaigns/lint/fixtures";
import { AcknowledgeWarnings } from "./acknowledge-warnings";

const findings = lintCampaign(withCampaign({ embeddedLinkSample: "", optoutMessage: "" }));

describe("AcknowledgeWarnings", () => {
  it("lists the warnings, not the blocks, and acknowledges one with a reason", async () => {
    const onChange = vi.fn<(next: Acknowledgement[]) => void>();
    render(<AcknowledgeWarnings findings={findings} acks={[]} onChange={onChange} />);
    const warnings = findings.filter((f) => f.severity === "warn");
    expect(document.querySelectorAll("[data-ack-rule]")).toHaveLength(warnings.length);
    expect(document.querySelector('[data-ack-rule="keywords.optout-required"]')).toBeNull();
    const input = screen.getByLabelText("Reason for acknowledging attr.link-sample");
    const row = input.closest("li")!;
    const button = row.querySelector("button")!;
    expect(button).toBeDisabled();
    await userEvent.type(input, "Links vary per send, all on our domain.");
    expect(button).toBeEnabled();
    await userEvent.click(button);
    expect(onChange).toHaveBeenCalledWith([{ ruleId: "attr.link-sample", reason: "Links vary per send, all on our domain." }]);
  });

  it("shows an acknowledged warning with its reason and withdraws it", async () => {
    const onChange = vi.fn<(next: Acknowledgement[]) => void>();
    const acks = [{ ruleId: "attr.link-sample", reason: "Links vary per send, all on our domain." }];
    render(<AcknowledgeWarnings findings={findings} acks={acks} onChange={onChange} />);
    const row = document.querySelector('[data-ack-rule="attr.link-sample"]')!;
    expect(row).toHaveAttribute("data-acknowledged", "true");
    expect(row).toHaveTextContent("Reason: Links vary per send, all on our domain.");
    await userEvent.click(screen.getByRole("button", { name: "Withdraw" }));
    expect(onChange).toHaveBeenCalledWith([]);
  });
});
