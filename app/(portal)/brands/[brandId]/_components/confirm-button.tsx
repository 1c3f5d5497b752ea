"use client";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader,
  AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/safe-action";

const newKey = () => crypto.randomUUID();

/**
 * A button that asks first. One idempotency key per decision: it changes only after a success, so a double
 * click or a retry after an error (a timeout, say) sends the same key and a billable call is never made twice.
 */
export function ConfirmButton<T>({
  label, title, description, confirmLabel, variant = "outline", confirmVariant = "default", disabled, run, onDone, success,
}: {
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: ButtonProps["variant"];
  confirmVariant?: "default" | "destructive";
  disabled?: boolean;
  run: (idempotencyKey: string) => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
  success: string | ((data: T) => string);
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const confirm = (e: React.MouseEvent) => {
    // Keep the dialog open until the registry answered, so a failure is read where it happened.
    e.preventDefault();
    start(async () => {
      const r = await run(key);
      if (!r.ok) return setError(r.error);
      setOpen(false);
      setKey(newKey());
      toast.success(typeof success === "function" ? success(r.data) : success);
      onDone?.(r.data);
    });
  };
  return (
    <AlertDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setError(null);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={variant} disabled={disabled}>{label}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="space-y-2">{description}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <p className="rounded-md border border-danger-border bg-danger-subtle p-2 text-sm text-danger-foreground" role="alert">{error}</p> : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction variant={confirmVariant} onClick={confirm} disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Sending…" : confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
