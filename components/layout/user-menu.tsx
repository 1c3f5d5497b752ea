"use client";

import * as React from "react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { loadOnce, useLazyMenu } from "@/components/layout/lazy-menu";
import type { UserMenuPopupProps } from "@/components/layout/user-menu-popup";

export interface UserMenuProps {
  name?: string | null;
  email: string;
  /** The user's role in the current organization. */
  role?: string;
  /** Signs the user out: a server action can be passed directly. Runs in a transition (the item is disabled meanwhile). */
  onSignOut: () => void | Promise<unknown>;
  /** Extra menu entries (e.g. the account page), rendered as links above "Sign out". */
  links?: readonly { href: string; label: string }[];
  className?: string;
}

export function initialsOf(nameOrEmail: string): string {
  const words = nameOrEmail
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return (
    letters
      .map((word) => word?.[0] ?? "")
      .join("")
      .toUpperCase() || "?"
  );
}

// The menu itself (Radix DropdownMenu) loads on first open: see lazy-menu.ts.
const loadPopup = loadOnce(() => import("@/components/layout/user-menu-popup").then((m) => m.UserMenuPopup));

function UserMenu({ name, email, role, onSignOut, links = [], className }: UserMenuProps) {
  const [pending, startTransition] = React.useTransition();
  const { Popup, openedWith, triggerProps } = useLazyMenu<UserMenuPopupProps>(loadPopup);
  const displayName = name?.trim() || email;

  const face = (
    <>
      <span
        aria-hidden="true"
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
      >
        {initialsOf(displayName)}
      </span>
      <span className="sr-only max-w-40 truncate sm:not-sr-only">{displayName}</span>
    </>
  );
  const triggerClass = cn("h-9 gap-2 px-1.5 sm:px-2", className);

  if (!Popup) {
    return (
      <Button type="button" variant="ghost" data-slot="user-menu" className={triggerClass} {...triggerProps}>
        {face}
      </Button>
    );
  }
  return (
    <Popup
      openedWith={openedWith}
      trigger={
        <Button variant="ghost" data-slot="user-menu" className={triggerClass}>
          {face}
        </Button>
      }
      displayName={displayName}
      email={name?.trim() ? email : null}
      role={role}
      links={links}
      pending={pending}
      onSignOut={() => startTransition(async () => void (await onSignOut()))}
    />
  );
}

export { UserMenu };
