import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";

describe("role permissions", () => {
  const table: Record<string, Permission[]> = {
    VIEWER: ["org.read", "audit.read", "account.self"],
    OPERATOR: ["org.read", "audit.read", "account.self", "registry.act"],
    ADMIN: ["org.read", "audit.read", "account.self", "registry.act", "members.read", "members.manage", "settings.read", "settings.manage"],
    OWNER: Object.keys(PERMISSIONS) as Permission[],
  };
  it.each(ROLES)("%s has exactly its permissions", (role) => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
    expect(granted.sort()).toEqual([...table[role]!].sort());
  });
});
