"use client";

import * as React from "react";

import { Sheet, SheetContent, SheetTitle } from "@/components/ui/sheet";
import { SidebarNav, type NavItem } from "@/components/layout/sidebar-nav";

export interface NavDrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The header's menu button: the drawer has no Radix trigger of its own, so focus goes back here on close. */
  returnFocusTo: React.RefObject<HTMLButtonElement | null>;
  nav: readonly NavItem[];
  pathname: string;
  brand: React.ReactNode;
  sidebarFooter?: React.ReactNode;
}

/**
 * The tablet/phone navigation drawer (Radix Dialog). Its own module so the app shell loads it on the first tap of
 * the menu button instead of on every page (it is most of a Radix Dialog).
 */
export function NavDrawer({ open, onOpenChange, returnFocusTo, nav, pathname, brand, sidebarFooter }: NavDrawerProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="left"
        aria-describedby={undefined}
        className="w-72 gap-0 bg-sidebar p-0 text-sidebar-foreground"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        <div className="flex h-14 shrink-0 items-center border-b border-sidebar-border px-5 pr-12">
          <SheetTitle className="sr-only">Navigation</SheetTitle>
          {brand}
        </div>
        <div className="flex-1 overflow-y-auto p-3">
          <SidebarNav items={nav} pathname={pathname} onNavigate={() => onOpenChange(false)} />
        </div>
        {sidebarFooter ? <div className="shrink-0 border-t border-sidebar-border p-3 text-sm">{sidebarFooter}</div> : null}
      </SheetContent>
    </Sheet>
  );
}
