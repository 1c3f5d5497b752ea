import { describe, expect, it } from "vitest";
import { bulkParamsSchema, describeBulkAction, REJECTION_CATEGORIES, REJECTION_CATEGORY_LABELS } from "./schemas";

describe("bulk action inputs", () => {
  it("decline needs a registry category and an explanation; elect needs a partner id", () => {
    expect(bulkParamsSchema.safeParse({ kind: "DECLINE", rejectionCategory: [], explanation: "x" }).success).toBe(false);
    expect(bulkParamsSchema.safeParse({ kind: "DECLINE", rejectionCategory: ["NOT_A_CATEGORY"], explanation: "x" }).success).toBe(false);
    expect(bulkParamsSchema.safeParse({ kind: "DECLINE", rejectionCategory: ["SAMPLE_MESSAGE"], explanation: " " }).success).toBe(false);
    expect(bulkParamsSchema.safeParse({ kind: "DECLINE", rejectionCategory: ["SAMPLE_MESSAGE", "OTHER"], explanation: "Samples" }).success).toBe(true);
    expect(bulkParamsSchema.safeParse({ kind: "ELECT", upstreamCnpId: "" }).success).toBe(false);
    expect(bulkParamsSchema.safeParse({ kind: "ELECT", upstreamCnpId: "SDCA001" }).success).toBe(true);
  });
  it("labels every registry rejection category (all 9) and describes jobs in one line", () => {
    expect(REJECTION_CATEGORIES).toHaveLength(9);
    for (const c of REJECTION_CATEGORIES) expect(REJECTION_CATEGORY_LABELS[c]).toBeTruthy();
    expect(describeBulkAction("MIGRATE", { upstreamCnpId: "SCNP002" })).toBe("Migrate to CNP → SCNP002");
    expect(describeBulkAction("DECLINE", { rejectionCategory: ["SAMPLE_MESSAGE"], explanation: "x" })).toBe("Decline (SAMPLE_MESSAGE)");
    expect(describeBulkAction("CANCEL_MIGRATION", { explanation: "" })).toBe("Cancel migration");
  });
});
