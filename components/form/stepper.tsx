"use client";

import { Check } from "lucide-react";

import { cn } from "@/lib/utils";

export type StepperStep = { id: string; title: string; description?: string };

export interface StepperProps {
  steps: readonly StepperStep[];
  /** Index of the step being shown. */
  current: number;
  /** Steps before this index can be revisited; later ones are not reachable yet. */
  reachable?: number;
  onSelect?: (index: number) => void;
  label?: string;
  className?: string;
}

/**
 * A wizard's progress indicator: an ordered list of steps, the current one marked with aria-current="step".
 * Steps already reached are buttons (going back is always safe); later ones are plain text.
 */
export function Stepper({ steps, current, reachable = current, onSelect, label = "Progress", className }: StepperProps) {
  return (
    <nav aria-label={label} className={className}>
      <ol className="flex flex-wrap gap-x-2 gap-y-3 sm:flex-nowrap">
        {steps.map((step, i) => {
          const state = i < current ? "done" : i === current ? "current" : "upcoming";
          const clickable = onSelect && i !== current && i <= reachable;
          const body = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-7 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
                  state === "done" && "border-primary bg-primary text-primary-foreground",
                  state === "current" && "border-primary text-primary ring-2 ring-primary/30",
                  state === "upcoming" && "border-border text-muted-foreground",
                )}
              >
                {state === "done" ? <Check className="size-3.5" /> : i + 1}
              </span>
              <span className="grid min-w-0 text-left">
                <span className={cn("text-sm font-medium", state === "upcoming" ? "text-muted-foreground" : "text-foreground")}>{step.title}</span>
                {step.description ? <span className="hidden text-xs text-muted-foreground lg:block">{step.description}</span> : null}
              </span>
              <span className="sr-only">{state === "done" ? " (completed)" : state === "upcoming" ? " (not started)" : ""}</span>
            </>
          );
          return (
            <li key={step.id} aria-current={state === "current" ? "step" : undefined} className="flex min-w-0 flex-1 items-center gap-2">
              {clickable ? (
                <button type="button" onClick={() => onSelect(i)} className="flex min-w-0 items-center gap-2 rounded-md p-1 outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring">
                  {body}
                </button>
              ) : (
                <div className="flex min-w-0 items-center gap-2 p-1">{body}</div>
              )}
              {i < steps.length - 1 ? <span aria-hidden="true" className={cn("hidden h-px flex-1 sm:block", i < current ? "bg-primary" : "bg-border")} /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
