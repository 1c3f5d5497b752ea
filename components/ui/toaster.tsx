"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/**
 * Mount once in the root layout. Call `toast.success(...)`, `toast.error(...)` from "sonner".
 * Colours come from the theme tokens so rich toasts keep AA contrast (sonner's defaults do not
 * guarantee it). The theme's raw tone borders are named *-border-color because sonner already uses
 * --info-border etc.; `--info-border: var(--info-border)` would be a cycle and paint nothing.
 */
function Toaster(props: ToasterProps) {
  return (
    <Sonner
      theme="light"
      position="top-right"
      richColors
      closeButton
      className="toaster group"
      toastOptions={{
        classNames: {
          toast: "font-sans shadow-lg",
          description: "text-sm",
        },
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--success-bg": "var(--success-subtle)",
          "--success-text": "var(--success-foreground)",
          "--success-border": "var(--success-border-color)",
          "--info-bg": "var(--info-subtle)",
          "--info-text": "var(--info-foreground)",
          "--info-border": "var(--info-border-color)",
          "--warning-bg": "var(--warning-subtle)",
          "--warning-text": "var(--warning-foreground)",
          "--warning-border": "var(--warning-border-color)",
          "--error-bg": "var(--danger-subtle)",
          "--error-text": "var(--danger-foreground)",
          "--error-border": "var(--danger-border-color)",
          "--border-radius": "var(--radius)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
export { toast } from "sonner";
