import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import type { TcrClient } from "@/lib/tcr/client";
import { bind } from "@/lib/tcr/op";
import { paginate } from "@/lib/tcr/paginate";
import type { PhoneNumberQuery } from "@/lib/tcr/schemas/campaign";

// Numbers are provisioned outside TCR (nnSR); the registry only reports them per campaign, current and
// previous. The mirror keeps both so the campaign page and the phone-number report need no registry call.
export type PhoneNumberStatus = "CURRENT" | "PREVIOUS";

export interface PhoneNumberRefresh {
  current: number;
  previous: number;
  removed: number;
}

const E164 = /^\+[1-9]\d{1,14}$/;

function readNumber(record: Record<string, unknown>): string | null {
  const n = record.phoneNumber ?? record.tn ?? record.number;
  return typeof n === "string" && E164.test(n) ? n : null;
}

/** Reads every number the registry reports for the campaign and makes the mirror match it exactly. */
export async function refreshCampaignPhoneNumbers(db: Db, client: TcrClient, orgId: string, campaignId: string): Promise<PhoneNumberRefresh> {
  const askedAt = new Date();
  const seen = new Map<string, { status: PhoneNumberStatus; data: Record<string, unknown> }>();
  let malformed = 0;
  const list = bind("campaign.listPhoneNumbers", (query: PhoneNumberQuery) => client.campaigns.listPhoneNumbers(campaignId, query));
  // Previous first, then current: a number re-provisioned to the same campaign is CURRENT.
  for (const [current, status] of [[false, "PREVIOUS"], [true, "CURRENT"]] as const) {
    for await (const page of paginate(list, { current })) {
      for (const record of page.records) {
        const n = readNumber(record);
        if (!n) {
          malformed++;
          continue;
        }
        seen.set(n, { status, data: record });
      }
    }
  }
  if (malformed > 0) log().warn({ orgId, campaignId, malformed }, "registry reported phone numbers that are not E.164; not mirrored");

  const removed = await db.$transaction(async (tx) => {
    for (const [phoneNumber, { status, data }] of seen) {
      await tx.campaignPhoneNumber.upsert({
        where: { orgId_campaignId_phoneNumber: { orgId, campaignId, phoneNumber } },
        create: { orgId, campaignId, phoneNumber, status, data: data as object, confirmedAt: askedAt },
        update: { status, data: data as object, confirmedAt: askedAt },
      });
    }
    const gone = await tx.campaignPhoneNumber.deleteMany({ where: { orgId, campaignId, phoneNumber: { notIn: [...seen.keys()] } } });
    return gone.count;
  });
  const counts = { current: 0, previous: 0 };
  for (const v of seen.values()) counts[v.status === "CURRENT" ? "current" : "previous"]++;
  return { ...counts, removed };
}
