import { z } from "zod";
import { brandIdSchema } from "@/lib/brands/lifecycle-schemas";
import { WIZARD_STEP_IDS, wizardValuesInputSchema, type WizardStepId } from "@/lib/brands/wizard";

export const refreshBrandSchema = z.object({ brandId: brandIdSchema });

const id = z.string().trim().min(1).max(40);
export const saveBrandDraftSchema = z.object({ draftId: id.optional(), step: z.enum(WIZARD_STEP_IDS as [WizardStepId, ...WizardStepId[]]), values: wizardValuesInputSchema });
export const brandDraftIdSchema = z.object({ draftId: id });
export const updateBrandSchema = z.object({ brandId: refreshBrandSchema.shape.brandId, values: wizardValuesInputSchema });
