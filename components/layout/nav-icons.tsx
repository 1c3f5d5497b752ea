import {
  ArrowRightLeft,
  Bell,
  Building,
  FileChartColumn,
  FileUp,
  Handshake,
  KeyRound,
  LayoutDashboard,
  ListChecks,
  Megaphone,
  Paperclip,
  ScrollText,
  Settings,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";

/**
 * Icons nav items can name by string. A server layout cannot pass an icon component (a function)
 * to the client shell, but it can pass one of these names.
 */
export const navIcons = {
  dashboard: LayoutDashboard,
  brands: Building,
  campaigns: Megaphone,
  migrations: ArrowRightLeft,
  "partner-campaigns": Handshake,
  jobs: ListChecks,
  reports: FileChartColumn,
  settings: Settings,
  audit: ScrollText,
  users: Users,
  webhooks: Webhook,
  credentials: KeyRound,
  notifications: Bell,
  evidence: Paperclip,
  imports: FileUp,
} satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;

export function isNavIconName(value: unknown): value is NavIconName {
  return typeof value === "string" && Object.hasOwn(navIcons, value);
}
