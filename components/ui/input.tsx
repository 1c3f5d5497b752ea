"use client";

import * as React from "react";

import { cn } from "@/lib/utils";
import { controlStyles } from "@/components/ui/control-styles";
import { useFormFieldControl } from "@/components/ui/form-field-context";

function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  const wired = useFormFieldControl(props);
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlStyles,
        "flex h-9 px-3 py-1",
        "file:mr-3 file:inline-flex file:h-7 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...wired}
    />
  );
}

export { Input };
