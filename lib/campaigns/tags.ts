/**
 * A campaign's searchable keyword tags (tcr-api-part2.md §13): the Tag API with recordType CAMPAIGN, since
 * the campaign PUT cannot change `tag`. Each change is mirrored into the campaign's `data.tag` so the
 * Campaigns list shows and filters it, and audited.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { ClientFor } from "@/lib/campaigns/commands";
import type { campaignTagSchema } from "@/lib/campaigns/schemas";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { registryClientFor } from "@/lib/registry/client";
import { recordTags, syncRecordTags } from "@/lib/tags/records";

type Ctx = Pick<OrgContext, "user" | "org">;
type Input = z.infer<typeof campaignTagSchema>;

/** The campaign must be this organization's and not deactivated: the registry does not change expired campaigns. */
async function ownLiveCampaign(db: Db, orgId: string, campaignId: string) {
  const row = await db.campaign.findFirst({ where: { orgId, campaignId }, select: { status: true, deletedAt: true } });
  if (!row) throw new NotFoundError("That campaign");
  if (row.status === "EXPIRED" || row.deletedAt) throw new ConflictError("This campaign is deactivated (EXPIRED); its tags can no longer change.");
}

export async function campaignTags(db: Db, orgId: string, campaignId: string, clientFor: ClientFor = registryClientFor): Promise<string[]> {
  return recordTags(await clientFor(db, orgId), "CAMPAIGN", campaignId);
}

export async function assignCampaignTag(db: Db, ctx: Ctx, input: Input, clientFor: ClientFor = registryClientFor) {
  await ownLiveCampaign(db, ctx.org.id, input.campaignId);
  const client = await clientFor(db, ctx.org.id);
  const tag = await client.tags.assign({ name: input.name, recordType: "CAMPAIGN", recordId: input.campaignId });
  const tags = await syncRecordTags(db, client, "CAMPAIGN", ctx.org.id, input.campaignId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "campaign.tag.assign", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS", detail: { tag: tag.name } });
  return { name: tag.name, tags };
}

export async function removeCampaignTag(db: Db, ctx: Ctx, input: Input, clientFor: ClientFor = registryClientFor) {
  await ownLiveCampaign(db, ctx.org.id, input.campaignId);
  const client = await clientFor(db, ctx.org.id);
  const name = input.name.toLowerCase();
  await client.tags.delete(name, "CAMPAIGN", input.campaignId);
  const tags = await syncRecordTags(db, client, "CAMPAIGN", ctx.org.id, input.campaignId);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "campaign.tag.remove", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS", detail: { tag: name } });
  return { name, tags };
}
