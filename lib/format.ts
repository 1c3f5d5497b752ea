// One place for how dates read in the portal: UTC, unambiguous, the same on server and client renders.
const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC", timeZoneName: "short",
});
const dateOnly = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDateTime(d: Date | string | null | undefined): string {
  return d ? dateTime.format(new Date(d)) : "—";
}
export function formatDate(d: Date | string | null | undefined): string {
  return d ? dateOnly.format(new Date(d)) : "—";
}

/** A dynamic route segment as the user typed it; a malformed %-escape is kept as it came. */
export function routeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** "just now", "4 min ago", "3 h ago", "2 days ago": how long before `now` a moment was. */
export function formatAgo(d: Date | string, now: Date = new Date()): string {
  const s = Math.max(0, Math.round((now.getTime() - new Date(d).getTime()) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
