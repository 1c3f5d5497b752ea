"use client";

import * as React from "react";
import { ChevronDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { useFormFieldControl } from "@/components/ui/form-field-context";
import { controlStyles } from "@/components/ui/control-styles";

/**
 * A styled native <select>: for simple forms and server-rendered filters, where a real form
 * value, native keyboard handling and mobile pickers matter more than custom rendering.
 */
function NativeSelect({ className, children, ...props }: React.ComponentProps<"select">) {
  const wired = useFormFieldControl(props);
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full", className)}>
      <select
        data-slot="native-select"
        className={cn(controlStyles, "block h-9 appearance-none py-1 pr-9 pl-3")}
        {...wired}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

export { NativeSelect };
