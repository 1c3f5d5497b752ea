"use client";

import * as React from "react";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useFirstItemFocus, type MenuOpenedWith } from "@/components/layout/lazy-menu";
import type { OrgOption } from "@/components/layout/org-switcher";

export interface OrgSwitcherPopupProps {
  /** How the menu was first opened; null: loaded ahead, still closed. */
  openedWith: MenuOpenedWith | null;
  /** The header button, made the Radix trigger. */
  trigger: React.ReactElement;
  currentOrgId: string;
  orgs: readonly OrgOption[];
  onSelect: (orgId: string) => void;
}

/** The organization menu proper (Radix DropdownMenu), loaded by OrgSwitcher on first open. */
export function OrgSwitcherPopup({ openedWith, trigger, currentOrgId, orgs, onSelect }: OrgSwitcherPopupProps) {
  const focus = useFirstItemFocus(openedWith);
  return (
    <DropdownMenu defaultOpen={openedWith !== null}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent onFocus={focus.onFocus} align="start" className="w-64">
        <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">Switch organization</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={currentOrgId} onValueChange={onSelect}>
          {orgs.map((org) => (
            <DropdownMenuRadioItem key={org.id} value={org.id} className="items-start">
              <span className="flex min-w-0 flex-col">
                <span className="truncate">{org.name}</span>
                {org.role ? <span className="text-xs text-muted-foreground">{org.role}</span> : null}
              </span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
