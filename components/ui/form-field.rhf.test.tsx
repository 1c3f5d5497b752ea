// @vitest-environment jsdom
import { zodResolver } from "@hookform/resolvers/zod";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useForm } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const schema = z.object({
  displayName: z.string().min(1, "Enter the brand's display name"),
  entityType: z.enum(["PRIVATE_PROFIT", "NON_PROFIT"], { error: "Choose an entity type" }),
});
type Values = z.input<typeof schema>;

function BrandForm({ onSubmit }: { onSubmit: (values: Values) => void }) {
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: "" },
  });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <FormField label="Display name" htmlFor="displayName" required error={formState.errors.displayName?.message}>
        <Input {...register("displayName")} />
      </FormField>
      <FormField label="Entity type" htmlFor="entityType" required error={formState.errors.entityType?.message}>
        <NativeSelect defaultValue="" {...register("entityType")}>
          <option value="">Choose…</option>
          <option value="PRIVATE_PROFIT">Private company</option>
          <option value="NON_PROFIT">Non-profit</option>
        </NativeSelect>
      </FormField>
      <Button type="submit">Save</Button>
    </form>
  );
}

describe("FormField with react-hook-form", () => {
  it("shows zod errors on the right controls, then submits once they are fixed", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<BrandForm onSubmit={onSubmit} />);

    await user.click(screen.getByRole("button", { name: "Save" }));
    const name = screen.getByLabelText("Display name");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription("Enter the brand's display name");
    expect(screen.getByLabelText("Entity type")).toHaveAccessibleDescription("Choose an entity type");
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(name, "Acme Messaging");
    await user.selectOptions(screen.getByLabelText("Entity type"), "NON_PROFIT");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ displayName: "Acme Messaging", entityType: "NON_PROFIT" });
    expect(name).not.toHaveAttribute("aria-invalid");
  });

  it("wires a Radix Select trigger as the labelled control", () => {
    render(
      <FormField label="Vertical" htmlFor="vertical" error="Choose a vertical">
        <Select>
          <SelectTrigger>
            <SelectValue placeholder="Choose…" />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="RETAIL">Retail</SelectItem>
          </SelectContent>
        </Select>
      </FormField>,
    );
    const trigger = screen.getByRole("combobox", { name: "Vertical" });
    expect(trigger).toHaveAttribute("id", "vertical");
    expect(trigger).toHaveAttribute("aria-invalid", "true");
    expect(trigger).toHaveAccessibleDescription("Choose a vertical");
  });
});
