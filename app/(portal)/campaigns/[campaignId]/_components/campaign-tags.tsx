"use client";
import { TagsEditor } from "@/components/tags/tags-editor";
import { assignCampaignTagAction, removeCampaignTagAction } from "@/lib/campaigns/actions";

/** The campaign's tags: the shared editor bound to the campaign's tag actions (no count limit on campaigns). */
export function CampaignTags({ campaignId, tags, canAct }: { campaignId: string; tags: string[]; canAct: boolean }) {
  return (
    <TagsEditor
      tags={tags}
      canAct={canAct}
      onAdd={(name) => assignCampaignTagAction({ campaignId, name })}
      onRemove={(name) => removeCampaignTagAction({ campaignId, name })}
      inputId="campaign-tag-name"
    />
  );
}
