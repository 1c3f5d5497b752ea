import type { Role } from "@/generated/prisma/enums";

// VIEWER reads, OPERATOR acts on the registry, ADMIN/OWNER administer the organization.
export const ROLES = ["OWNER", "ADMIN", "OPERATOR", "VIEWER"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  OPERATOR: "Operator",
  VIEWER: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything an admin can do, and may grant or remove the owner role.",
  ADMIN: "Manages members, registry connection and webhooks, and acts on brands and campaigns.",
  OPERATOR: "Registers and manages brands, campaigns and migrations.",
  VIEWER: "Reads everything; changes nothing.",
};

const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2, OWNER: 3 };

export const PERMISSIONS = {
  "org.read": "VIEWER",
  // The signed-in user's own account (password, sessions): every member, whatever the role.
  "account.self": "VIEWER",
  "audit.read": "VIEWER",
  "registry.act": "OPERATOR",
  "members.read": "ADMIN",
  "members.manage": "ADMIN",
  "settings.read": "ADMIN",
  "settings.manage": "ADMIN",
  "owners.manage": "OWNER",
  // Rules that bind every member's sign-in (requiring two-factor): the owners' alone.
  "security.manage": "OWNER",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSIONS[permission]];
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
