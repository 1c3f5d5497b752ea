import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card that is a labelled region, so each part of the page is a landmark. */
export function Section({ id, title, description, actions, children, className }: { id: string; title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <Card role="region" aria-labelledby={`${id}-heading`} className={className}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="grid gap-1.5">
            <CardTitle asChild><h2 id={`${id}-heading`}>{title}</h2></CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** What could not be read from the registry for this tab; the rest of the tab still shows. */
export function RegistryErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="rounded-md border border-warning-border bg-warning-subtle p-3 text-sm text-warning-foreground">
      <p className="font-medium">Some of this could not be read from the registry:</p>
      <ul className="mt-1 list-disc pl-5">
        {[...new Set(errors)].map((e) => <li key={e}>{e}</li>)}
      </ul>
    </div>
  );
}

export function ReadOnlyNote() {
  return <p className="text-sm text-muted-foreground">Your role can read this brand; an operator or admin can act on it.</p>;
}
