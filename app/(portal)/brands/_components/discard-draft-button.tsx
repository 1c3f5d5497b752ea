"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter,
  AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { discardBrandDraftAction } from "@/lib/brands/actions";

export function DiscardDraftButton({ draftId, name }: { draftId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const discard = () =>
    startTransition(async () => {
      const r = await discardBrandDraftAction({ draftId });
      if (!r.ok) return void toast.error(r.error);
      toast.success(`Draft “${name}” discarded.`);
      router.refresh();
    });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Discard draft ${name}`}>Discard</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Discard the draft “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>The answers saved so far are deleted. Nothing was sent to the registry, so nothing is charged.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep it</AlertDialogCancel>
          <AlertDialogAction onClick={discard}>Discard draft</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
