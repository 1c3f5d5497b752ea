import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertBrand } from "@/lib/mirror/upsert";
import type { Brand } from "@/lib/tcr/schemas/brand";
import { createTestDb, type TestDb } from "@/test/db";
import { makeOrg } from "@/test/factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("mirror upsert", () => {
  it("two transactions writing the same new brand at once both succeed, and one of them created it", async () => {
    const { org } = await makeOrg(t.db);
    const at = new Date();
    for (let i = 0; i < 10; i++) {
      const brand = { brandId: `BRACE${i}`, entityType: "PRIVATE_PROFIT", displayName: "Race Co", country: "US" } as unknown as Brand;
      const outcomes = await Promise.all([0, 1].map(() => t.db.$transaction((tx) => upsertBrand(tx, org.id, brand, at))));
      expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
      expect(await t.db.brand.count({ where: { orgId: org.id, brandId: brand.brandId } })).toBe(1);
    }
  });
});
