import * as React from "react";

import { cn } from "@/lib/utils";

export interface PageHeaderProps extends Omit<React.ComponentProps<"div">, "title"> {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links for the page's main actions, right-aligned on wide screens. */
  actions?: React.ReactNode;
  /** Above the title: breadcrumbs or a "Back to brands" link. */
  breadcrumb?: React.ReactNode;
  /** Beside the title, e.g. a status Badge. */
  meta?: React.ReactNode;
}

/** The page's single h1 with its description and primary actions. */
function PageHeader({ title, description, actions, breadcrumb, meta, className, ...props }: PageHeaderProps) {
  return (
    <div data-slot="page-header" className={cn("mb-6 flex flex-col gap-3", className)} {...props}>
      {breadcrumb ? <div className="text-sm text-muted-foreground">{breadcrumb}</div> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight text-foreground">{title}</h1>
            {meta}
          </div>
          {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

export { PageHeader };
