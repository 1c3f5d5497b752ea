/** Appeals: brand identity (part 1 §3.10), external vet (§3.17) and brand asset (§4.5). */
import { z } from "zod";
import { AppealStatus } from "./enums";
import { DateTime } from "./common";

const appealFields = {
  appealCategories: z.array(z.string().min(1)).min(1, "Choose at least one appeal category"),
  attachmentUuids: z.array(z.string().min(1)).optional(),
  explanation: z.string().max(1024).optional(),
};

/** Body of POST /brand/{brandId}/appeal and POST …/asset/{name}/appeal. */
export const AppealRequest = z.strictObject(appealFields);
export type AppealRequest = z.infer<typeof AppealRequest>;

/** Body of POST /brand/{brandId}/externalVetting/appeal. */
export const ExternalVettingAppealRequest = z.strictObject({
  ...appealFields,
  evpId: z.string().min(1),
  vettingId: z.string().min(1),
});
export type ExternalVettingAppealRequest = z.infer<typeof ExternalVettingAppealRequest>;

export const AppealListQuery = z.strictObject({ appealStatus: z.array(AppealStatus).optional() });
export type AppealListQuery = z.infer<typeof AppealListQuery>;

export const ExternalVettingAppealListQuery = z.strictObject({
  evpId: z.string().optional(),
  vettingId: z.string().optional(),
  appealStatus: z.array(AppealStatus).optional(),
});
export type ExternalVettingAppealListQuery = z.infer<typeof ExternalVettingAppealListQuery>;

/** List items are collapsed in the reference; these fields are the ones its prose names. */
export const AppealRecord = z.looseObject({
  appealStatus: z.string().optional(),
  appealCategories: z.array(z.string()).optional(),
  attachmentUuids: z.array(z.string()).optional(),
  explanation: z.string().nullable().optional(),
  evpId: z.string().nullable().optional(),
  vettingId: z.string().nullable().optional(),
  createDate: DateTime.nullable().optional(),
});
export type AppealRecord = z.infer<typeof AppealRecord>;
export const AppealList = z.array(AppealRecord);
