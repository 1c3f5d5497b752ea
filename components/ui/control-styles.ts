import { cn } from "@/lib/utils";

// Plain module (no "use client") so server components can use the string too; exported from a
// client module it would arrive as a client reference instead of a class list.

/** Border, focus and invalid styling shared by every text-like control. */
export const controlStyles = cn(
  "w-full min-w-0 rounded-md border border-input bg-background text-base text-foreground shadow-xs transition-[color,box-shadow] md:text-sm",
  "placeholder:text-muted-foreground",
  "outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/35",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/30",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
);
