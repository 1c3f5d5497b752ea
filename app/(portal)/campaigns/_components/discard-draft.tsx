"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { deleteCampaignDraftAction } from "@/lib/campaigns/actions";

/** Drops an unsubmitted draft. Nothing was sent to the registry, so nothing else is affected. */
export function DiscardDraftButton({ draftId, label }: { draftId: string; label: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Discard ${label}`}
      onClick={() =>
        start(async () => {
          const r = await deleteCampaignDraftAction({ draftId });
          if (r.ok) {
            toast.success("Draft discarded.");
            router.refresh();
          } else toast.error(r.error);
        })
      }
    >
      {pending ? "Discarding…" : "Discard"}
    </Button>
  );
}
