import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint } from "lucide-react";

import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  {
    variants: {
      tone: {
        info: "border-info-border bg-info-subtle text-info-foreground",
        success: "border-success-border bg-success-subtle text-success-foreground",
        warning: "border-warning-border bg-warning-subtle text-warning-foreground",
        danger: "border-danger-border bg-danger-subtle text-danger-foreground",
      },
    },
    defaultVariants: { tone: "info" },
  },
);

type AlertTone = NonNullable<VariantProps<typeof alertVariants>["tone"]>;

const toneIcons: Record<AlertTone, React.ComponentType<React.SVGProps<SVGSVGElement>>> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleExclamationPoint,
  danger: CircleExclamationPoint,
};

/**
 * A callout. Danger alerts get role="alert" so an error that appears after a submit is announced;
 * the others are plain content (a live region on static text would be read out on every load).
 */
function Alert({
  className,
  tone,
  icon,
  children,
  ...props
}: React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Replaces the tone's icon; `false` shows none. */
    icon?: React.ReactNode | false;
  }) {
  const resolvedTone: AlertTone = tone ?? "info";
  const ToneIcon = toneIcons[resolvedTone];
  return (
    <div
      data-slot="alert"
      data-tone={resolvedTone}
      role={resolvedTone === "danger" ? "alert" : undefined}
      className={cn(alertVariants({ tone }), className)}
      {...props}
    >
      {icon === false ? null : (icon ?? <ToneIcon aria-hidden="true" />)}
      {children}
    </div>
  );
}

function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn("col-start-2 min-h-4 leading-5 font-semibold tracking-tight", className)}
      {...props}
    />
  );
}

function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("col-start-2 grid justify-items-start gap-1 text-sm [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}

export { Alert, AlertDescription, AlertTitle, alertVariants };
