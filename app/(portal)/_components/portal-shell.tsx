"use client";
import { toast } from "sonner";
import { AppShell } from "@/components/layout/app-shell";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import type { NavItem } from "@/components/layout/sidebar-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { signOutAction } from "@/lib/auth/actions";
import { switchOrganizationAction } from "@/lib/organizations/actions";

type Props = {
  nav: NavItem[];
  user: { name: string; email: string };
  roleLabel: string;
  currentOrgId: string;
  orgs: { id: string; name: string; role?: string }[];
  /** Above the page, e.g. why the member is held on the Account page; null keeps the page in the same place. */
  banner: React.ReactNode;
  children: React.ReactNode;
};

const ACCOUNT_LINKS = [
  { href: "/account", label: "Account" },
  { href: "/organizations/new", label: "New organization…" },
];

export function PortalShell({ nav, user, roleLabel, currentOrgId, orgs, banner, children }: Props) {
  return (
    <AppShell
      nav={nav}
      headerActions={
        <>
          <OrgSwitcher
            currentOrgId={currentOrgId}
            orgs={orgs}
            onSwitch={async (orgId) => {
              const r = await switchOrganizationAction({ orgId });
              if (!r.ok) toast.error(r.error);
              // A full reload: the new organization may hold this member (two-factor it requires), and the layout's
              // redirect during a client refresh rendered a blank page.
              else window.location.reload();
            }}
          />
          <UserMenu
            name={user.name}
            email={user.email}
            role={roleLabel}
            links={ACCOUNT_LINKS}
            onSignOut={signOutAction}
          />
        </>
      }
    >
      {banner}
      {children}
    </AppShell>
  );
}
