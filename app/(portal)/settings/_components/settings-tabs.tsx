"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/settings/members", label: "Members" },
  { href: "/settings/registry", label: "Registry" },
  { href: "/settings/webhooks", label: "Webhooks" },
  { href: "/settings/resellers", label: "Resellers" },
  { href: "/settings/security", label: "Security" },
];

// Links, not Radix tabs: each section is its own URL so it can be bookmarked and server-rendered.
export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="border-b">
      <ul className="-mb-px flex gap-4">
        {TABS.map((t) => {
          const active = pathname.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
