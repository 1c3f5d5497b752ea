import { z } from "zod";
import { WIZARD_STEP_IDS, wizardValuesInputSchema, type WizardStepId } from "@/lib/brands/wizard";

// Registry brand ids are short uppercase codes (e.g. "B1A2B3C"); the bound only keeps junk out of queries.
export const refreshBrandSchema = z.object({ brandId: z.string().trim().min(1).max(30) });

const id = z.string().trim().min(1).max(40);
export const saveBrandDraftSchema = z.object({ draftId: id.optional(), step: z.enum(WIZARD_STEP_IDS as [WizardStepId, ...WizardStepId[]]), values: wizardValuesInputSchema });
export const brandDraftIdSchema = z.object({ draftId: id });
export const updateBrandSchema = z.object({ brandId: refreshBrandSchema.shape.brandId, values: wizardValuesInputSchema });
