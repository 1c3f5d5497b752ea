import { z } from "zod";
import { firstValues, hrefFor, type RawSearchParams } from "@/components/data-table/url-state";
import { cursorParam, decodeCursor, type Cursor, type CursorScope } from "@/lib/pagination/keyset";
import { tagFilterParam } from "@/lib/tags/values";
import { CampaignStatus, OperationStatus, SharingStatus } from "@/lib/tcr/schemas/enums";

export const CAMPAIGN_SORTS = ["created", "campaignId", "usecase", "renewal", "status"] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];
export const CAMPAIGNS_PATH = "/campaigns";
export const CAMPAIGN_PAGE_SIZE = 25;
export const RENEWAL_WINDOWS = ["7", "30", "90"] as const;

const id = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/);

// Each field falls back on its own: one bad or stale param in a shared URL must not throw away the rest.
export const campaignFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  brandId: id.optional().catch(undefined),
  usecase: id.optional().catch(undefined),
  status: CampaignStatus.optional().catch(undefined),
  /** Carrier (MNO network id) whose operation status `carrierStatus` filters on; alone it means "submitted to". */
  carrier: z.string().regex(/^\d{1,10}$/).optional().catch(undefined),
  /** Operation status on `carrier`, or on any carrier when no carrier is chosen. */
  carrierStatus: OperationStatus.optional().catch(undefined),
  sharingStatus: SharingStatus.optional().catch(undefined),
  /** Upstream connectivity partner the campaign is shared with. */
  cnp: id.optional().catch(undefined),
  autoRenewal: z.enum(["on", "off"]).optional().catch(undefined),
  /** Renews or expires within this many days from now. */
  renewsWithin: z.enum(RENEWAL_WINDOWS).optional().catch(undefined),
  /** A searchable keyword tag (stored lowercase at the registry) the campaign carries. */
  tag: tagFilterParam,
  deleted: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(CAMPAIGN_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  /** Where the page starts (lib/pagination/keyset.ts); absent or unreadable means the first page. */
  cursor: cursorParam.optional().catch(undefined),
});
export type CampaignFilters = z.output<typeof campaignFiltersSchema>;
export type ParsedCampaignFilters = CampaignFilters & { dir: "asc" | "desc" };

/** Newest first by default; ids, use cases, statuses and renewal dates read ascending. */
export const defaultDir = (sort: CampaignSort) => (sort === "created" ? "desc" : "asc");

export function parseCampaignFilters(raw: RawSearchParams): ParsedCampaignFilters {
  const f = campaignFiltersSchema.parse(firstValues(raw));
  return { ...f, dir: f.dir ?? defaultDir(f.sort) };
}

/** The order a cursor belongs to: one made under another sort or direction reads as no cursor. */
export const campaignCursorScope = (f: ParsedCampaignFilters): CursorScope => ({
  sort: f.sort,
  dir: f.dir,
  keyType: f.sort === "campaignId" ? "none" : f.sort === "created" ? "date" : "string",
});

/** The page's starting point, or null for the first page (also when the cursor is malformed or stale). */
export const campaignCursor = (f: ParsedCampaignFilters): Cursor | null => decodeCursor(f.cursor, campaignCursorScope(f));

export function hasCampaignFilters(f: CampaignFilters): boolean {
  return Boolean(
    f.q || f.brandId || f.usecase || f.status || f.carrier || f.carrierStatus || f.sharingStatus || f.cnp || f.autoRenewal ||
      f.renewsWithin || f.tag || f.deleted,
  );
}

/** The list URL for a state, leaving out defaults so the plain list is just /campaigns. It keeps a cursor only when `over` passes one: any other change starts at the first page. */
export function campaignsHref(f: CampaignFilters, over: Partial<CampaignFilters> = {}): string {
  const s = { ...f, ...over };
  return hrefFor(
    CAMPAIGNS_PATH,
    {
      q: s.q, brandId: s.brandId, usecase: s.usecase, status: s.status, carrier: s.carrier, carrierStatus: s.carrierStatus,
      sharingStatus: s.sharingStatus, cnp: s.cnp, autoRenewal: s.autoRenewal, renewsWithin: s.renewsWithin, tag: s.tag, deleted: s.deleted,
      sort: s.sort, dir: s.dir, cursor: over.cursor,
    },
    { sort: "created", dir: defaultDir(s.sort) },
  );
}
