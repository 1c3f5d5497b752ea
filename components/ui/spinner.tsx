import * as React from "react";
import { LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils";

/**
 * A status region with a spinning icon. The label is announced (sr-only unless showLabel), so a
 * spinner never appears as an unlabeled graphic.
 */
function Spinner({
  className,
  label = "Loading",
  showLabel = false,
  ...props
}: React.ComponentProps<"span"> & { label?: string; showLabel?: boolean }) {
  return (
    <span
      role="status"
      data-slot="spinner"
      className={cn("inline-flex items-center gap-2 text-sm text-muted-foreground", className)}
      {...props}
    >
      <LoaderCircle aria-hidden="true" className="size-4 shrink-0 motion-safe:animate-spin" />
      <span className={showLabel ? undefined : "sr-only"}>{label}</span>
    </span>
  );
}

export { Spinner };
