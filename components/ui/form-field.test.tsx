// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

function describedByText(element: HTMLElement): string[] {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`);
}

describe("FormField", () => {
  it("labels the control so it can be found by its label", () => {
    render(
      <FormField label="Brand name" htmlFor="displayName">
        <Input />
      </FormField>,
    );
    const input = screen.getByLabelText("Brand name");
    expect(input.tagName).toBe("INPUT");
    expect(input).toHaveAttribute("id", "displayName");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
  });

  it("wires the description and the error with aria-describedby and marks the control invalid", () => {
    render(
      <FormField
        label="EIN"
        htmlFor="ein"
        description="Nine digits, as on the IRS letter."
        error="EIN must be 9 digits"
      >
        <Input />
      </FormField>,
    );
    const input = screen.getByLabelText("EIN");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(describedByText(input)).toEqual(["Nine digits, as on the IRS letter.", "EIN must be 9 digits"]);
    expect(input).toHaveAccessibleDescription("Nine digits, as on the IRS letter. EIN must be 9 digits");
  });

  it("drops the error wiring once the error is cleared", () => {
    const { rerender } = render(
      <FormField label="Website" htmlFor="website" error="Enter a URL">
        <Input />
      </FormField>,
    );
    expect(screen.getByLabelText("Website")).toHaveAttribute("aria-invalid", "true");
    rerender(
      <FormField label="Website" htmlFor="website" error={undefined}>
        <Input />
      </FormField>,
    );
    const input = screen.getByLabelText("Website");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
    expect(screen.queryByText("Enter a URL")).toBeNull();
  });

  it("marks required fields with aria-required while the asterisk stays out of the accessible name", () => {
    render(
      <FormField label="Email" htmlFor="email" required>
        <Input type="email" />
      </FormField>,
    );
    const input = screen.getByRole("textbox", { name: "Email" });
    expect(input).toHaveAttribute("aria-required", "true");
  });

  it("keeps explicit props of the control over the field's", () => {
    render(
      <>
        <p id="extra">Counted in characters.</p>
        <FormField label="Sample message" htmlFor="sample1" error="Too short">
          <Textarea aria-describedby="extra" />
        </FormField>
      </>,
    );
    const textarea = screen.getByLabelText("Sample message");
    expect(describedByText(textarea)).toEqual(["Too short", "Counted in characters."]);
  });

  it("wires native selects and Radix checkboxes too", () => {
    render(
      <>
        <FormField label="Entity type" htmlFor="entityType" error="Choose an entity type">
          <NativeSelect defaultValue="">
            <option value="">Choose…</option>
            <option value="PRIVATE_PROFIT">Private company</option>
          </NativeSelect>
        </FormField>
        <FormField label="Subscriber opt-in" htmlFor="subscriberOptin" layout="inline" error="Required">
          <Checkbox />
        </FormField>
      </>,
    );
    expect(screen.getByRole("combobox", { name: "Entity type" })).toHaveAttribute("aria-invalid", "true");
    const checkbox = screen.getByRole("checkbox", { name: "Subscriber opt-in" });
    expect(checkbox).toHaveAttribute("aria-invalid", "true");
    expect(checkbox).toHaveAccessibleDescription("Required");
  });
});
