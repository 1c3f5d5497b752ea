"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { orgAction } from "@/lib/safe-action";
import { importPartnerCampaign } from "./commands";
import { importPartnerCampaignSchema } from "./schemas";

export const importPartnerCampaignAction = orgAction(
  { name: "partnerCampaign.import", permission: "registry.act", schema: importPartnerCampaignSchema, target: (i) => ({ type: "partner_campaign", id: i.tcrCampaignId }) },
  async (input, ctx) => {
    const r = await importPartnerCampaign(db(), ctx, input);
    revalidatePath("/partner-campaigns");
    return r;
  },
);
