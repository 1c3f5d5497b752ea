import * as React from "react";
import { Inbox } from "lucide-react";

import { cn } from "@/lib/utils";

export interface EmptyStateProps extends Omit<React.ComponentProps<"div">, "title"> {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Decorative icon; defaults to an inbox. Pass `false` for none. */
  icon?: React.ReactNode | false;
  /** Usually a primary Button (e.g. "Register a brand") or a "Clear filters" link. */
  action?: React.ReactNode;
  /** Heading element for the title, so it fits the page outline. */
  titleAs?: "h2" | "h3" | "p";
}

function EmptyState({
  title,
  description,
  icon,
  action,
  titleAs: Title = "h2",
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon === false ? null : (
        <div
          aria-hidden="true"
          className="flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5"
        >
          {icon ?? <Inbox />}
        </div>
      )}
      <div className="grid max-w-md gap-1">
        <Title className="text-base font-semibold text-foreground">{title}</Title>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState };
