// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";

describe("status primitives", () => {
  it("Badge applies the tone's token classes", () => {
    render(
      <>
        <Badge>DRAFT</Badge>
        <Badge tone="danger">REJECTED</Badge>
      </>,
    );
    expect(screen.getByText("DRAFT")).toHaveClass("bg-neutral-subtle", "text-neutral-foreground");
    expect(screen.getByText("REJECTED")).toHaveClass("bg-danger-subtle", "text-danger-foreground");
    expect(screen.getByText("REJECTED")).toHaveAttribute("data-tone", "danger");
  });

  it("Alert announces only the danger tone, and its icon is decorative", () => {
    render(
      <>
        <Alert tone="warning">
          <AlertTitle>Billable</AlertTitle>
          <AlertDescription>Vetting costs $40.</AlertDescription>
        </Alert>
        <Alert tone="danger">
          <AlertTitle>Registry error</AlertTitle>
        </Alert>
      </>,
    );
    const alerts = screen.getAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent("Registry error");
    expect(alerts[0]?.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  });

  it("Spinner is a labelled status", () => {
    render(<Spinner label="Loading campaigns" />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading campaigns");
  });

  it("EmptyState renders its title as a heading and the action", () => {
    render(<EmptyState title="No brands yet" titleAs="h3" action={<button type="button">Register a brand</button>} />);
    expect(screen.getByRole("heading", { level: 3, name: "No brands yet" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Register a brand" })).toBeInTheDocument();
  });

  it("CardTitle can become a heading with asChild", () => {
    render(
      <CardTitle asChild>
        <h2>Brand details</h2>
      </CardTitle>,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Brand details" })).toHaveAttribute("data-slot", "card-title");
  });

  it("Table's scroll container is keyboard-focusable and named when labelled", () => {
    render(
      <Table label="Campaigns">
        <TableBody>
          <TableRow>
            <TableCell>CX3RT4Y</TableCell>
          </TableRow>
        </TableBody>
      </Table>,
    );
    const region = screen.getByRole("region", { name: "Campaigns" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(region).toContainElement(screen.getByRole("table"));
  });
});
