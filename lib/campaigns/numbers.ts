/**
 * Vonage number linking, throughputs and the message-flow preview (Vonage 10DLC API: Numbers, GET /throughputs,
 * POST /campaigns/message_flow). Numbers are Vonage's own: linking starts LINKING and Vonage decides LINKED or REJECTED
 * later, so the page reads them live and the mirror (CampaignPhoneNumber) is refreshed after every own write.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { ownCampaign, refuseExpired } from "@/lib/campaigns/commands";
import type { linkNumberSchema, previewMessageFlowSchema, unlinkNumberSchema } from "@/lib/campaigns/numbers-schemas";
import { part, type Part } from "@/lib/campaigns/queries";
import type { Db } from "@/lib/db";
import { ValidationFailedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { refreshCampaignPhoneNumbers } from "@/lib/mirror/phone-numbers";
import type { LinkedNumber, Throughput } from "@/lib/providers/vonage";
import { registryClientFor, vonageClientFor } from "@/lib/registry/client";
import { describeRegistryError } from "@/lib/registry/errors";
import type { VonageFor } from "@/lib/resellers/vonage";
import { TcrError } from "@/lib/tcr/errors";

type Ctx = Pick<OrgContext, "user" | "org">;

/** Vonage's refusals of a number (422 invalid-number-data, 409 numbers-already-linked) belong at the number's field. */
async function atNumberField<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TcrError && (e.status === 409 || e.status === 422)) {
      const message = describeRegistryError(e)?.message ?? "Vonage refused this number.";
      throw new ValidationFailedError({ phoneNumber: message }, message);
    }
    throw e;
  }
}

/** The mirror of the campaign's numbers, after our own write; a failed read leaves it to the next refresh. */
async function refreshMirrorQuietly(db: Db, orgId: string, campaignId: string) {
  try {
    return await refreshCampaignPhoneNumbers(db, await registryClientFor(db, orgId), orgId, campaignId);
  } catch (e) {
    log().warn({ orgId, campaignId, err: e }, "phone-number mirror not refreshed after a Vonage number change");
    return null;
  }
}

export async function linkCampaignNumber(db: Db, ctx: Ctx, input: z.output<typeof linkNumberSchema>, vonageFor: VonageFor = vonageClientFor) {
  refuseExpired(await ownCampaign(db, ctx.org.id, input.campaignId));
  const v = await vonageFor(db, ctx.org.id);
  const n = await atNumberField(v.linkNumber(input.campaignId, input.phoneNumber, "US"));
  const mirror = await refreshMirrorQuietly(db, ctx.org.id, input.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.number.link", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { phoneNumber: n.phoneNumber, status: n.status, mirror },
  });
  return { campaignId: input.campaignId, phoneNumber: n.phoneNumber, status: n.status };
}

export async function unlinkCampaignNumber(db: Db, ctx: Ctx, input: z.output<typeof unlinkNumberSchema>, vonageFor: VonageFor = vonageClientFor) {
  await ownCampaign(db, ctx.org.id, input.campaignId);
  const v = await vonageFor(db, ctx.org.id);
  await atNumberField(v.unlinkNumber(input.campaignId, input.phoneNumber));
  // Vonage answers 204; a LINKED number goes through UNLINKING, others are gone at once.
  const after = await v.getNumber(input.campaignId, input.phoneNumber).then((n) => n.status, (e: unknown) => (e instanceof TcrError && e.status === 404 ? "UNLINKED" : null));
  const mirror = await refreshMirrorQuietly(db, ctx.org.id, input.campaignId);
  await audit(db, {
    orgId: ctx.org.id, actor: ctx.user, action: "campaign.number.unlink", targetType: "campaign", targetId: input.campaignId, outcome: "SUCCESS",
    detail: { phoneNumber: `+${input.phoneNumber}`, status: after, mirror },
  });
  return { campaignId: input.campaignId, phoneNumber: `+${input.phoneNumber}`, status: after };
}

/** The campaign page's Vonage sections, read live: linked numbers with their state, and per-carrier throughput. */
export async function vonageCampaignLive(db: Db, orgId: string, campaignId: string, vonageFor: VonageFor = vonageClientFor): Promise<{ numbers: Part<LinkedNumber[]>; throughputs: Part<Throughput[]> }> {
  const client = vonageFor(db, orgId);
  const [numbers, throughputs] = await Promise.all([part(client.then((v) => v.listNumbers(campaignId))), part(client.then((v) => v.throughputs(campaignId)))]);
  return { numbers, throughputs };
}

/** The message_flow text Vonage computes from this consent (what it will register), without creating anything. */
export async function previewVonageMessageFlow(db: Db, orgId: string, input: z.output<typeof previewMessageFlowSchema>, vonageFor: VonageFor = vonageClientFor) {
  const v = await vonageFor(db, orgId);
  return { messageFlow: await v.previewMessageFlow(input.consent) };
}
