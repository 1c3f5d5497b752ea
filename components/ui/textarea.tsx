"use client";

import * as React from "react";

import { cn } from "@/lib/utils";
import { useFormFieldControl } from "@/components/ui/form-field-context";
import { controlStyles } from "@/components/ui/control-styles";

function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  const wired = useFormFieldControl(props);
  return (
    <textarea
      data-slot="textarea"
      className={cn(controlStyles, "field-sizing-content flex min-h-20 px-3 py-2", className)}
      {...wired}
    />
  );
}

export { Textarea };
