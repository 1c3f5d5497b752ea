"use client";

import * as React from "react";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { SidebarNav, type NavItem } from "@/components/layout/sidebar-nav";
import type { NavDrawerProps } from "@/components/layout/nav-drawer";

type NavDrawerComponent = React.ComponentType<NavDrawerProps>;
let drawerModule: Promise<NavDrawerComponent> | null = null;
/** The drawer's code (a Radix Dialog), fetched once: on the first tap of the menu button, or when it is hovered or focused. */
function loadNavDrawer(): Promise<NavDrawerComponent> {
  if (!drawerModule) {
    drawerModule = import("@/components/layout/nav-drawer").then((m) => m.NavDrawer);
    // A failed fetch (offline) is not remembered, so the next tap tries again.
    drawerModule.catch(() => {
      drawerModule = null;
    });
  }
  return drawerModule;
}

export interface AppShellProps {
  /** Sidebar links; icons by name (see nav-icons) so a server layout can pass them. */
  nav: readonly NavItem[];
  /** Product mark at the top of the sidebar and, below lg, in the header. */
  brand?: React.ReactNode;
  /** Right side of the header: typically <OrgSwitcher/> and <UserMenu/>. */
  headerActions?: React.ReactNode;
  /** Bottom of the sidebar (and of the drawer), e.g. an environment or registry status note. */
  sidebarFooter?: React.ReactNode;
  /** Overrides usePathname(); for tests and for rendering outside the App Router. */
  pathname?: string;
  children: React.ReactNode;
  className?: string;
}

const defaultBrand = <span className="text-base font-semibold tracking-tight">CampaignDesk</span>;

/**
 * The authenticated frame: a fixed sidebar from the lg breakpoint up; below it (tablets, phones) the
 * same navigation opens in a left drawer from the header's menu button.
 */
function AppShell({
  nav,
  brand = defaultBrand,
  headerActions,
  sidebarFooter,
  pathname: pathnameProp,
  children,
  className,
}: AppShellProps) {
  const routerPathname = usePathname();
  const pathname = pathnameProp ?? routerPathname;
  const [drawerOpen, setDrawerOpen] = React.useState(false);
  // The drawer's module, once loaded: until the first tap the header holds only its menu button.
  const [NavDrawer, setNavDrawer] = React.useState<NavDrawerComponent | null>(null);
  const menuButton = React.useRef<HTMLButtonElement>(null);
  const openDrawer = () => {
    setDrawerOpen(true);
    if (!NavDrawer) {
      loadNavDrawer().then(
        (component) => setNavDrawer(() => component),
        () => setDrawerOpen(false),
      );
    }
  };

  // Close the drawer when the route changes by any means (link, back button, redirect).
  const [drawerPath, setDrawerPath] = React.useState(pathname);
  if (drawerPath !== pathname) {
    setDrawerPath(pathname);
    setDrawerOpen(false);
  }

  return (
    <div data-slot="app-shell" className={cn("flex min-h-dvh bg-background", className)}>
      <a
        href="#main-content"
        className="sr-only rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60] focus:outline-none focus:ring-2 focus:ring-ring focus:ring-offset-2"
      >
        Skip to main content
      </a>

      <aside
        aria-label="Sidebar"
        className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground lg:flex"
      >
        <div className="flex h-14 shrink-0 items-center border-b border-sidebar-border px-5">{brand}</div>
        <div className="flex-1 overflow-y-auto p-3">
          <SidebarNav items={nav} pathname={pathname} />
        </div>
        {sidebarFooter ? (
          <div className="shrink-0 border-t border-sidebar-border p-3 text-sm">{sidebarFooter}</div>
        ) : null}
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b bg-background px-4 lg:px-6">
          <Button
            ref={menuButton}
            variant="ghost"
            size="icon"
            className="-ml-2 lg:hidden"
            aria-label="Open navigation"
            aria-haspopup="dialog"
            aria-expanded={drawerOpen}
            data-state={drawerOpen ? "open" : "closed"}
            onPointerEnter={() => void loadNavDrawer().catch(() => undefined)}
            onFocus={() => void loadNavDrawer().catch(() => undefined)}
            onClick={openDrawer}
          >
            <Menu aria-hidden="true" className="size-5" />
          </Button>
          {NavDrawer ? (
            <NavDrawer
              open={drawerOpen}
              onOpenChange={setDrawerOpen}
              returnFocusTo={menuButton}
              nav={nav}
              pathname={pathname}
              brand={brand}
              sidebarFooter={sidebarFooter}
            />
          ) : null}
          <div className="flex min-w-0 items-center lg:hidden">{brand}</div>
          <div className="ml-auto flex min-w-0 items-center gap-2">{headerActions}</div>
        </header>

        <main id="main-content" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

export { AppShell };
