import type { Metadata } from "next";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { twoFactorPolicy } from "@/lib/organizations/commands";
import { Forbidden } from "../../_components/forbidden";
import { RequireTwoFactor } from "./_components/require-two-factor";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  if (!can(ctx.role, "settings.read")) return <Forbidden what="Security settings" />;
  const policy = await twoFactorPolicy(db(), ctx.org.id);
  return (
    <section aria-labelledby="two-factor-heading" className="max-w-xl space-y-4">
      <h2 id="two-factor-heading" className="text-lg font-semibold">Two-factor sign-in for every member</h2>
      <RequireTwoFactor
        required={policy.requireTwoFactor}
        canManage={can(ctx.role, "security.manage")}
        ownTwoFactor={ctx.user.totpEnabled === true}
        membersWithout={policy.membersWithout}
      />
    </section>
  );
}
