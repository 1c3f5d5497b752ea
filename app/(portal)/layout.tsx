import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NavItem } from "@/components/layout/sidebar-nav";
import { currentContext, currentUser } from "@/lib/auth/context";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { mustEnrolTwoFactor } from "@/lib/safe-action";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { capabilitiesFor } from "@/lib/registry/client";
import { PortalShell } from "./_components/portal-shell";

export const dynamic = "force-dynamic";

// The one gate of the portal's pages: without a session the visitor is sent to sign in, and a member of no
// organization is told so. Pages render in parallel with this layout, so a page without a context renders
// nothing instead of redirecting on its own (a second redirect raced this one).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const ctx = await currentContext();
  if (!ctx) {
    if (!(await currentUser())) redirect("/sign-in?error=SessionRequired");
    return (
      <main className="mx-auto max-w-lg px-6 py-24 text-center">
        <h1 className="text-2xl font-semibold">No organization</h1>
        <p className="mt-2 text-muted-foreground">
          You are signed in but not a member of any organization. Ask an administrator to add you.
        </p>
      </main>
    );
  }
  // After an admin's password reset the only page is the one to choose a new password (actions are refused too).
  if (ctx.user.mustChangePassword) redirect("/change-password");
  const shell = {
    user: { name: ctx.user.name, email: ctx.user.email },
    roleLabel: ROLE_LABELS[ctx.role],
    currentOrgId: ctx.org.id,
    orgs: ctx.memberships.map((m) => ({ id: m.orgId, name: m.orgName, role: ROLE_LABELS[m.role] })),
  };
  // An organization that requires two-factor sign-in holds a member without it on the Account page (the path comes
  // from proxy.ts), with only that page in the menu; actions are refused too (lib/safe-action.ts). Same shell, same
  // place for the page, so the enrolment form keeps its state (the recovery codes) when the hold lifts after it.
  if (mustEnrolTwoFactor(ctx)) {
    const path = (await headers()).get("x-pathname");
    if (path !== "/account") redirect("/account");
    return (
      <PortalShell nav={[{ href: "/account", label: "Account", icon: "credentials" }]} banner={<TwoFactorRequired orgName={ctx.org.name} />} {...shell}>
        {children}
      </PortalShell>
    );
  }
  // Campaigns stays in the menu on every upstream (its page says where campaigns are managed when it cannot);
  // the migration pages are TCR's alone and leave the menu on a CPaaS upstream; Partner campaigns stays where the
  // upstream imports partners' campaigns instead (Vonage).
  const caps = await capabilitiesFor(db(), ctx.org.id);
  const migrations = caps.has("migration.cnp");
  const partners = migrations || caps.has("partner.import");
  const nav: NavItem[] = [
    { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
    { href: "/brands", label: "Brands", icon: "brands" },
    { href: "/campaigns", label: "Campaigns", icon: "campaigns" },
    ...(migrations ? [{ href: "/migrations", label: "Migrations", icon: "migrations" }] satisfies NavItem[] : []),
    ...(partners ? [{ href: "/partner-campaigns", label: "Partner campaigns", icon: "partner-campaigns" }] satisfies NavItem[] : []),
    // The import registers brands and campaigns: listed for the roles that may (the brand wizard's permission).
    ...(can(ctx.role, "registry.act") ? [{ href: "/imports", label: "Import", icon: "imports" } satisfies NavItem] : []),
    { href: "/jobs", label: "Jobs", icon: "jobs" },
    { href: "/evidence", label: "Evidence", icon: "evidence" },
    { href: "/reports", label: "Reports", icon: "reports" },
    { href: "/audit", label: "Audit log", icon: "audit" },
    ...(can(ctx.role, "settings.read") ? [{ href: "/settings", label: "Settings", icon: "settings" } satisfies NavItem] : []),
  ];
  return (
    <PortalShell nav={nav} banner={null} {...shell}>
      {children}
    </PortalShell>
  );
}

function TwoFactorRequired({ orgName }: { orgName: string }) {
  return (
    <Alert tone="warning" className="mb-6">
      <AlertTitle>{orgName} requires two-factor sign-in</AlertTitle>
      <AlertDescription>
        <p>
          An owner of this organization asks every member to sign in with a code from an authenticator app as well as the
          password. <Link href="#totp-heading" className="underline">Set up two-factor sign-in</Link> below to continue;
          until then nothing else in this organization is open to you.
        </p>
      </AlertDescription>
    </Alert>
  );
}
