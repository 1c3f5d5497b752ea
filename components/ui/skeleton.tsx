import * as React from "react";

import { cn } from "@/lib/utils";

/** Decorative placeholder; the loading state around it should say "Loading…" for screen readers. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("rounded-md bg-secondary-hover motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}

export { Skeleton };
