"use client";

import * as React from "react";
import { Building, ChevronsUpDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { loadOnce, useLazyMenu } from "@/components/layout/lazy-menu";
import type { OrgSwitcherPopupProps } from "@/components/layout/org-switcher-popup";

export interface OrgOption {
  id: string;
  name: string;
  /** The user's role in that organization, shown beside its name. */
  role?: string;
}

export interface OrgSwitcherProps {
  currentOrgId: string;
  /** Organizations the user belongs to (including the current one). */
  orgs: readonly OrgOption[];
  /**
   * Switches the active organization; a server action can be passed directly. Runs in a
   * transition, so the trigger shows progress until it settles. Return errors rather than throw:
   * a throw reaches the nearest error boundary.
   */
  onSwitch: (orgId: string) => void | Promise<unknown>;
  className?: string;
}

// The menu itself (Radix DropdownMenu) loads on first open: see lazy-menu.ts.
const loadPopup = loadOnce(() => import("@/components/layout/org-switcher-popup").then((m) => m.OrgSwitcherPopup));

function OrgSwitcher({ currentOrgId, orgs, onSwitch, className }: OrgSwitcherProps) {
  const [pending, startTransition] = React.useTransition();
  const { Popup, openedWith, triggerProps } = useLazyMenu<OrgSwitcherPopupProps>(loadPopup);
  const current = orgs.find((org) => org.id === currentOrgId);
  const currentName = current?.name ?? "No organization";

  const label = (
    <>
      <Building aria-hidden="true" className="text-muted-foreground" />
      <span className="truncate">{currentName}</span>
    </>
  );

  // Nothing to switch to: show the organization without pretending it is a menu.
  if (orgs.length <= 1) {
    return (
      <div
        data-slot="org-switcher"
        className={cn("flex h-9 max-w-56 min-w-0 items-center gap-2 px-1 text-sm font-medium [&_svg]:size-4", className)}
      >
        <span className="sr-only">Organization:</span>
        {label}
      </div>
    );
  }

  const face = (
    <>
      <span className="flex min-w-0 items-center gap-2">{label}</span>
      {pending ? (
        <Spinner label="Switching organization" />
      ) : (
        <ChevronsUpDown aria-hidden="true" className="text-muted-foreground" />
      )}
    </>
  );
  const triggerAttrs = {
    variant: "outline",
    "data-slot": "org-switcher",
    "aria-label": `Organization: ${currentName}`,
    "aria-busy": pending || undefined,
    disabled: pending,
    className: cn("max-w-56 min-w-0 justify-between", className),
  } as const;

  if (!Popup) {
    return (
      <Button type="button" {...triggerAttrs} {...triggerProps}>
        {face}
      </Button>
    );
  }
  return (
    <Popup
      openedWith={openedWith}
      trigger={<Button {...triggerAttrs}>{face}</Button>}
      currentOrgId={currentOrgId}
      orgs={orgs}
      onSelect={(orgId) => {
        if (orgId === currentOrgId) return;
        startTransition(async () => {
          await onSwitch(orgId);
        });
      }}
    />
  );
}

export { OrgSwitcher };
