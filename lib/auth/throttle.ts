import type { Db } from "@/lib/db";

// Failed sign-ins are counted per email and per client address over a sliding window; past the limit the
// account (or address) is refused until the window moves on, whether or not the password is right.
export const THROTTLE = { windowMinutes: 15, perEmail: 5, perIp: 30 } as const;

export async function throttleRemainingMinutes(db: Db, emailAddr: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email: emailAddr, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail.length < THROTTLE.perEmail && byIp < THROTTLE.perIp) return 0;
  // The window reopens when the oldest counted failure leaves it.
  const oldest = byEmail[0]?.createdAt ?? since;
  const reopensAt = oldest.getTime() + THROTTLE.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 60_000));
}

export async function recordAttempt(db: Db, emailAddr: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email: emailAddr, ip, success } });
}
