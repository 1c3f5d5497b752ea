import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { listSessions } from "@/lib/account/commands";
import { currentContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsTable } from "./_components/sessions-table";
import { TotpSection } from "./_components/totp-section";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  const sessions = await listSessions(db(), ctx);
  const user = await db().user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { totpEnabledAt: true } });
  const recoveryLeft = await db().recoveryCode.count({ where: { userId: ctx.user.id, usedAt: null } });
  return (
    <div className="space-y-8">
      <PageHeader title="Account" description={`Your sign-in details as ${ctx.user.email}, in every organization you belong to.`} />
      <section aria-labelledby="password-heading" className="max-w-md space-y-4">
        <div>
          <h2 id="password-heading" className="text-lg font-semibold">Change password</h2>
          <p className="text-sm text-muted-foreground">Your other sessions are signed out when the password changes; this one stays open.</p>
        </div>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="totp-heading" className="max-w-md space-y-4">
        <h2 id="totp-heading" className="text-lg font-semibold">Two-factor sign-in</h2>
        <TotpSection enabled={Boolean(user.totpEnabledAt)} recoveryLeft={recoveryLeft} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-4">
        <div>
          <h2 id="sessions-heading" className="text-lg font-semibold">Active sessions</h2>
          <p className="text-sm text-muted-foreground">Browsers where you are signed in. Sign out any you do not recognise.</p>
        </div>
        <SessionsTable
          sessions={sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() }))}
        />
      </section>
    </div>
  );
}
