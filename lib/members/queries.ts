import type { Db } from "@/lib/db";

export async function listMembers(db: Db, orgId: string) {
  const rows = await db.membership.findMany({
    where: { orgId },
    include: { user: { select: { email: true, name: true, totpEnabledAt: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({ id: m.id, userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt, twoFactor: m.user.totpEnabledAt !== null }));
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function countMembers(db: Db, orgId: string) {
  return db.membership.count({ where: { orgId } });
}
