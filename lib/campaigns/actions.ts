"use server";
import { revalidatePath } from "next/cache";
import {
  deactivateCampaign, deleteCampaignDraft, fetchBrandQualifications, fetchQualification, nudgeCampaign, refreshCampaignFromRegistry, removeExcludedMno, resubmitCampaign, saveCampaignDraft, shareCampaign,
  setCampaignAutoRenewal, submitCampaignDraft, updateCampaign,
} from "@/lib/campaigns/commands";
import {
  autoRenewalSchema, brandQualificationSchema, campaignTagSchema, checkPublishedPagesSchema, deactivateCampaignSchema, deleteCampaignDraftSchema, nudgeCampaignSchema, qualificationQuerySchema, refreshCampaignSchema,
  removeExcludedMnoSchema, resubmitCampaignSchema, saveCampaignDraftSchema, shareCampaignSchema, submitCampaignDraftSchema, updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import { checkPublishedPages } from "@/lib/campaigns/pages/snapshots";
import { assignCampaignTag, removeCampaignTag } from "@/lib/campaigns/tags";
import { db } from "@/lib/db";
import { evidenceStorage } from "@/lib/evidence";
import { orgAction } from "@/lib/safe-action";
import { linkCampaignNumber, previewVonageMessageFlow, unlinkCampaignNumber } from "@/lib/campaigns/numbers";
import { linkNumberSchema, previewMessageFlowSchema, unlinkNumberSchema } from "@/lib/campaigns/numbers-schemas";

const target = (i: { campaignId: string }) => ({ type: "campaign", id: i.campaignId });
const revalidate = (campaignId: string) => {
  revalidatePath(`/campaigns/${encodeURIComponent(campaignId)}`);
  revalidatePath("/campaigns");
};

export const refreshCampaignAction = orgAction({ name: "campaign.refresh", permission: "registry.act", schema: refreshCampaignSchema, target }, async (input, ctx) => {
  const r = await refreshCampaignFromRegistry(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const updateCampaignAction = orgAction({ name: "campaign.update", permission: "registry.act", schema: updateCampaignSchema, target }, async (input, ctx) => {
  const r = await updateCampaign(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const setAutoRenewalAction = orgAction({ name: "campaign.autoRenewal", permission: "registry.act", schema: autoRenewalSchema, target }, async (input, ctx) => {
  const r = await setCampaignAutoRenewal(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const deactivateCampaignAction = orgAction({ name: "campaign.deactivate", permission: "registry.act", schema: deactivateCampaignSchema, target }, async (input, ctx) => {
  const r = await deactivateCampaign(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const resubmitCampaignAction = orgAction({ name: "campaign.resubmit", permission: "registry.act", schema: resubmitCampaignSchema, target }, async (input, ctx) => {
  const r = await resubmitCampaign(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const nudgeCampaignAction = orgAction({ name: "campaign.nudge", permission: "registry.act", schema: nudgeCampaignSchema, target }, async (input, ctx) => {
  const r = await nudgeCampaign(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const shareCampaignAction = orgAction({ name: "campaign.share", permission: "registry.act", schema: shareCampaignSchema, target }, async (input, ctx) => {
  const r = await shareCampaign(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const removeExcludedMnoAction = orgAction({ name: "campaign.excludedMno.remove", permission: "registry.act", schema: removeExcludedMnoSchema, target }, async (input, ctx) => {
  const r = await removeExcludedMno(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

/** Read-only: the builder polls it through TanStack Query as brand and use case change. */
export const qualificationAction = orgAction({ name: "campaign.qualify", permission: "org.read", schema: qualificationQuerySchema }, async (input, ctx) =>
  fetchQualification(db(), ctx.org.id, input));

export const brandQualificationsAction = orgAction({ name: "campaign.qualifyBrand", permission: "org.read", schema: brandQualificationSchema }, async (input, ctx) =>
  fetchBrandQualifications(db(), ctx.org.id, input));

export const saveCampaignDraftAction = orgAction({ name: "campaign.draft.save", permission: "registry.act", schema: saveCampaignDraftSchema }, async (input, ctx) =>
  saveCampaignDraft(db(), ctx, input));

export const deleteCampaignDraftAction = orgAction({ name: "campaign.draft.delete", permission: "registry.act", schema: deleteCampaignDraftSchema }, async (input, ctx) => {
  const r = await deleteCampaignDraft(db(), ctx, input);
  revalidatePath("/campaigns");
  return r;
});

/** Fetches the draft's published pages through the guarded fetcher and keeps a snapshot of each (audited in the command). */
export const checkPublishedPagesAction = orgAction({ name: "campaign.pages.check", permission: "registry.act", schema: checkPublishedPagesSchema, target: (i) => ({ type: "campaignDraft", id: i.draftId }) }, async (input, ctx) =>
  checkPublishedPages(db(), ctx, input));

export const submitCampaignDraftAction = orgAction({ name: "campaign.create", permission: "registry.act", schema: submitCampaignDraftSchema }, async (input, ctx) => {
  const r = await submitCampaignDraft(db(), ctx, input, { storage: evidenceStorage });
  revalidatePath("/campaigns");
  return r;
});

export const assignCampaignTagAction = orgAction({ name: "campaign.tag.assign", permission: "registry.act", schema: campaignTagSchema, target }, async (input, ctx) => {
  const r = await assignCampaignTag(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const removeCampaignTagAction = orgAction({ name: "campaign.tag.remove", permission: "registry.act", schema: campaignTagSchema, target }, async (input, ctx) => {
  const r = await removeCampaignTag(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

/** Vonage: links one of the account's numbers to the campaign (it starts LINKING; Vonage decides later). */
export const linkCampaignNumberAction = orgAction({ name: "campaign.number.link", permission: "registry.act", schema: linkNumberSchema, target }, async (input, ctx) => {
  const r = await linkCampaignNumber(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

export const unlinkCampaignNumberAction = orgAction({ name: "campaign.number.unlink", permission: "registry.act", schema: unlinkNumberSchema, target }, async (input, ctx) => {
  const r = await unlinkCampaignNumber(db(), ctx, input);
  revalidate(input.campaignId);
  return r;
});

/** Vonage: the message_flow text Vonage will register for the builder's consent. Writes nothing; for those who build campaigns. */
export const previewMessageFlowAction = orgAction({ name: "campaign.messageFlow.preview", permission: "registry.act", schema: previewMessageFlowSchema }, async (input, ctx) =>
  previewVonageMessageFlow(db(), ctx.org.id, input));
