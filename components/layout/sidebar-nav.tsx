import * as React from "react";
import Link from "next/link";

import { cn } from "@/lib/utils";
import { isNavIconName, navIcons, type NavIconName } from "@/components/layout/nav-icons";

export interface NavItem {
  href: string;
  label: string;
  /** A name from navIcons (serializable from a server layout) or any rendered icon element. */
  icon?: NavIconName | React.ReactNode;
}

export interface SidebarNavProps {
  items: readonly NavItem[];
  /** The current pathname (usePathname() in the shell). */
  pathname: string | null;
  /** Accessible name of the nav landmark. */
  label?: string;
  /** Called when a link is followed; the shell closes its drawer with it. */
  onNavigate?: () => void;
  className?: string;
}

function normalize(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? "";
  return withoutQuery.length > 1 ? withoutQuery.replace(/\/+$/, "") : withoutQuery;
}

/**
 * Which item the pathname belongs to: an exact match is the current page; otherwise the item whose
 * href is the longest prefix (on a segment boundary) is the current section, so /brands/B123
 * highlights "Brands" but "/brand" never matches "/brands".
 */
export function resolveActiveNav(
  items: readonly Pick<NavItem, "href">[],
  pathname: string | null,
): { index: number; exact: boolean } | null {
  if (!pathname) return null;
  const current = normalize(pathname);
  let best: { index: number; exact: boolean; length: number } | null = null;
  for (const [index, item] of items.entries()) {
    const href = normalize(item.href);
    const exact = current === href;
    const prefix = href !== "/" && current.startsWith(`${href}/`);
    if ((exact || prefix) && (!best || href.length > best.length)) {
      best = { index, exact, length: href.length };
    }
  }
  return best ? { index: best.index, exact: best.exact } : null;
}

// A string that is not a known icon name renders nothing rather than stray text beside the label.
function renderIcon(icon: NavItem["icon"]): React.ReactNode {
  if (isNavIconName(icon)) {
    const Icon = navIcons[icon];
    return <Icon />;
  }
  if (icon == null || typeof icon === "string" || typeof icon === "boolean") return null;
  return icon;
}

/**
 * Vertical navigation. The current page's link gets aria-current="page"; on a page inside a
 * section (e.g. a brand's detail page) the section link gets aria-current="true".
 */
function SidebarNav({ items, pathname, label = "Main", onNavigate, className }: SidebarNavProps) {
  const active = resolveActiveNav(items, pathname);
  return (
    <nav aria-label={label} data-slot="sidebar-nav" className={cn("flex flex-col", className)}>
      <ul className="flex flex-col gap-0.5">
        {items.map((item, index) => {
          const isActive = active?.index === index;
          const ariaCurrent = isActive ? (active.exact ? "page" : "true") : undefined;
          const icon = renderIcon(item.icon);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={ariaCurrent}
                onClick={onNavigate}
                data-active={isActive || undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground transition-colors",
                  "hover:bg-accent hover:text-accent-foreground",
                  "data-active:bg-sidebar-accent data-active:text-sidebar-accent-foreground",
                  "outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  "[&_svg]:size-4 [&_svg]:shrink-0",
                )}
              >
                {icon ? (
                  <span aria-hidden="true" className="flex items-center">
                    {icon}
                  </span>
                ) : null}
                <span className="truncate">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export { SidebarNav };
