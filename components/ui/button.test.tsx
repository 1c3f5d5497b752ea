// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Button } from "@/components/ui/button";

describe("Button", () => {
  it("renders a button with the variant's classes", async () => {
    const onClick = vi.fn();
    render(
      <Button variant="destructive" onClick={onClick}>
        Delete brand
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Delete brand" });
    expect(button.tagName).toBe("BUTTON");
    expect(button).toHaveClass("bg-destructive");
    expect(button).toHaveAttribute("data-variant", "destructive");
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("asChild renders the child element with button styling and no nested button", () => {
    render(
      <Button asChild variant="outline" className="w-full">
        <a href="https://www.campaignregistry.com/">Register a brand</a>
      </Button>,
    );
    const link = screen.getByRole("link", { name: "Register a brand" });
    expect(link).toHaveAttribute("href", "https://www.campaignregistry.com/");
    expect(link).toHaveClass("border-input", "w-full", "inline-flex");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("lets a caller's class override a conflicting variant class", () => {
    render(<Button className="px-8">Save</Button>);
    const button = screen.getByRole("button", { name: "Save" });
    expect(button).toHaveClass("px-8");
    expect(button).not.toHaveClass("px-4");
  });
});
