"use client";

import * as React from "react";
import Link from "next/link";
import { LogOut } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useFirstItemFocus, type MenuOpenedWith } from "@/components/layout/lazy-menu";

export interface UserMenuPopupProps {
  /** How the menu was first opened; null: loaded ahead, still closed. */
  openedWith: MenuOpenedWith | null;
  /** The header button, made the Radix trigger. */
  trigger: React.ReactElement;
  displayName: string;
  /** Shown under the name when there is a name to show it under. */
  email: string | null;
  role?: string;
  links: readonly { href: string; label: string }[];
  pending: boolean;
  onSignOut: () => void;
}

/** The account menu proper (Radix DropdownMenu), loaded by UserMenu on first open. */
export function UserMenuPopup({ openedWith, trigger, displayName, email, role, links, pending, onSignOut }: UserMenuPopupProps) {
  const focus = useFirstItemFocus(openedWith);
  return (
    <DropdownMenu defaultOpen={openedWith !== null}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent onFocus={focus.onFocus} align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-1 font-normal">
          <span className="truncate text-sm font-medium text-foreground">{displayName}</span>
          {email ? <span className="truncate text-xs text-muted-foreground">{email}</span> : null}
          {role ? (
            <Badge tone="neutral" className="mt-1">
              {role}
            </Badge>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {links.map((l) => (
          <DropdownMenuItem key={l.href} asChild>
            <Link href={l.href}>{l.label}</Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuItem disabled={pending} onSelect={onSignOut}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
