"use client";
import { useRouter } from "next/navigation";
import { deleteBrandAction } from "@/lib/brands/lifecycle-actions";
import { ConfirmButton } from "./confirm-button";

export function DeleteBrandButton({ brandId, displayName, activeCampaigns }: { brandId: string; displayName: string; activeCampaigns: string[] }) {
  const router = useRouter();
  const blocked = activeCampaigns.length > 0;
  return (
    <ConfirmButton
      label="Delete brand…"
      variant="destructive"
      confirmVariant="destructive"
      disabled={blocked}
      title={`Delete ${displayName}?`}
      confirmLabel="Delete permanently"
      description={
        <>
          <p>The registry marks the brand DELETED. <strong>This cannot be undone</strong>: a deleted brand never becomes active again, and no campaign can be registered for it.</p>
          <p>
            The registry only deletes a brand without active campaigns; its expired or deactivated campaigns stay on record,
            read-only. The brand stays viewable here, marked deleted.
          </p>
        </>
      }
      run={() => deleteBrandAction({ brandId })}
      success="Brand deleted at the registry."
      onDone={() => router.push("/brands")}
    />
  );
}
