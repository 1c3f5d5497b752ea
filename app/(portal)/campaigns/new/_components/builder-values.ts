import type { ConsentDraft } from "@/lib/campaigns/consent";
import type { CampaignDraftData } from "@/lib/campaigns/schemas";

/** The builder form: the draft's registry fields plus the structured consent being edited. */
export type BuilderValues = Omit<CampaignDraftData, "consent" | "messageFlow"> & {
  brandId: string;
  usecase: string;
  subUsecases: string[];
  consent: ConsentDraft;
  mmsFileIds: string[];
};

export const SAMPLE_KEYS = ["sample1", "sample2", "sample3", "sample4", "sample5"] as const;
