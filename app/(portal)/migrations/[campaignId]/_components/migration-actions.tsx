"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cancelMigrationAction, refreshMigrationAction } from "@/lib/migrations/actions";

/** Refresh this campaign's hops and transaction from the registry; cancel the open migration (initiator only, asks first). */
export function MigrationActions({ campaignId, canCancel, cancelBlocked }: { campaignId: string; canCancel: boolean; cancelBlocked: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [explanation, setExplanation] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const refresh = () => start(async () => {
    const r = await refreshMigrationAction({ campaignId });
    setMessage(r.ok ? "Read from the registry." : r.error);
    router.refresh();
  });
  const cancel = (e: React.MouseEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await cancelMigrationAction({ campaignId, explanation });
      if (!r.ok) return setMessage(r.error);
      setOpen(false);
      setMessage("Migration canceled. The pre-migration chain stays in place.");
      router.refresh();
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" disabled={pending} onClick={refresh}>Refresh from registry</Button>
      {canCancel ? (
        <AlertDialog open={open} onOpenChange={setOpen}>
          <AlertDialogTrigger asChild>
            <Button variant="destructive" disabled={pending || cancelBlocked !== null} title={cancelBlocked ?? undefined}>Cancel migration</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Cancel the migration of {campaignId}?</AlertDialogTitle>
              <AlertDialogDescription>
                The registry cancels the transaction and tells every partner in the provisional chain (CNP_MIGRATION_CANCEL). The campaign stays with its current partner. This cannot be undone; a new migration can be started later.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <label className="grid gap-1 text-sm font-medium">Explanation (optional, sent to the partners)
              <Input maxLength={2048} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
            </label>
            <AlertDialogFooter>
              <AlertDialogCancel disabled={pending}>Keep it</AlertDialogCancel>
              <AlertDialogAction disabled={pending} onClick={cancel}>Cancel migration</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
      {cancelBlocked && canCancel ? <span className="text-xs text-muted-foreground">{cancelBlocked}</span> : null}
      {message ? <p role="status" className="w-full text-sm">{message}</p> : null}
    </div>
  );
}
