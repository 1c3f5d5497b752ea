/** Brand operations (tcr-api-part1.md §3), including OTP, Auth+, appeals and external vetting. */
import { billableCall } from "./billable";
import { billableDeps, bind, deriveReferenceId, toFormData, type BillableOptions, type ResourceDeps } from "./op";
import {
  AppealList, AppealListQuery, AppealRequest, ExternalVettingAppealListQuery, ExternalVettingAppealRequest,
} from "./schemas/appeal";
import {
  Brand, BrandCreateRequest, BrandFeedback, BrandSearchQuery, BrandSearchResponse, BrandUpdateRequest, Resend2faEmailQuery,
  SmsOtpStatus, SmsOtpTriggerRequest, SmsOtpTriggerResponse, SmsOtpVerifyRequest,
} from "./schemas/brand";
import { NoContent, UploadedFile, UploadedFileList, type UploadFile } from "./schemas/common";
import { VettingStatus } from "./schemas/enums";
import {
  EnhancedVettingReportList, ExternalVetting, ExternalVettingImportRequest, ExternalVettingList, ExternalVettingListQuery,
  ExternalVettingOrderRequest,
} from "./schemas/vetting";
import type { z } from "zod";

type In<S extends z.ZodType> = z.input<S>;
const ALL_VETTING_STATUSES = VettingStatus.options;

export function brandsApi(deps: ResourceDeps) {
  const { http } = deps;
  const id = (brandId: string) => ({ brandId });

  const search = bind("brand.search", (query: In<typeof BrandSearchQuery> = {}) =>
    http.call("brand.search", BrandSearchResponse, { query: BrandSearchQuery.parse(query) }));

  const listExternalVetting = bind("brand.listExternalVetting", (brandId: string, query: Partial<In<typeof ExternalVettingListQuery>> = {}) =>
    http.call("brand.listExternalVetting", ExternalVettingList, {
      path: id(brandId),
      // Required as written: default to every status so the list is complete.
      query: ExternalVettingListQuery.parse({ ...query, vettingStatus: query.vettingStatus ?? ALL_VETTING_STATUSES }),
    }));

  return {
    search,
    getFeedback: bind("brand.getFeedback", (brandId: string) => http.call("brand.getFeedback", BrandFeedback, { path: id(brandId) })),

    /**
     * Register a brand (billable). `referenceId` is derived from the idempotency key when absent, and
     * after an ambiguous failure the brand is looked up by referenceId before any resend.
     */
    create: bind("brand.create", async (input: In<typeof BrandCreateRequest>, opts: BillableOptions) => {
      const body = BrandCreateRequest.parse({ ...input, referenceId: input.referenceId || deriveReferenceId(opts.idempotencyKey) });
      const referenceId = body.referenceId as string;
      return billableCall(
        billableDeps(deps),
        {
          key: opts.idempotencyKey,
          operationId: "brand.create",
          referenceId,
          send: () => http.call("brand.create", Brand, { body }),
          lookup: async () => {
            const page = await search({ referenceId });
            return page.records.find((b) => (b.referenceId ?? "").toLowerCase() === referenceId.toLowerCase()) ?? null;
          },
          objectId: (b) => b.brandId,
        },
      );
    }),

    getSmsOtpStatus: bind("brand.getSmsOtpStatus", (referenceId: string) =>
      http.call("brand.getSmsOtpStatus", SmsOtpStatus, { path: { referenceId } })),
    get: bind("brand.get", (brandId: string) => http.call("brand.get", Brand, { path: id(brandId) })),
    update: bind("brand.update", (brandId: string, input: In<typeof BrandUpdateRequest>) =>
      http.call("brand.update", Brand, { path: id(brandId), body: BrandUpdateRequest.parse(input) })),
    delete: bind("brand.delete", (brandId: string) => http.call("brand.delete", NoContent, { path: id(brandId) })),
    resend2faEmail: bind("brand.resend2faEmail", (brandId: string, query: In<typeof Resend2faEmailQuery> = {}) =>
      http.call("brand.resend2faEmail", NoContent, { path: id(brandId), query: Resend2faEmailQuery.parse(query) })),

    listAppeals: bind("brand.listAppeals", (brandId: string, query: In<typeof AppealListQuery> = {}) =>
      http.call("brand.listAppeals", AppealList, { path: id(brandId), query: AppealListQuery.parse(query) })),
    appeal: bind("brand.appeal", (brandId: string, input: In<typeof AppealRequest>) =>
      http.call("brand.appeal", NoContent, { path: id(brandId), body: AppealRequest.parse(input) })),
    listAppealEvidence: bind("brand.listAppealEvidence", (brandId: string) =>
      http.call("brand.listAppealEvidence", UploadedFileList, { path: id(brandId) })),
    uploadAppealEvidence: bind("brand.uploadAppealEvidence", (brandId: string, file: UploadFile) =>
      http.call("brand.uploadAppealEvidence", UploadedFile, { path: id(brandId), body: toFormData({}, file) })),

    listExternalVetting,
    importExternalVetting: bind("brand.importExternalVetting", (brandId: string, input: In<typeof ExternalVettingImportRequest>) =>
      http.call("brand.importExternalVetting", ExternalVetting, { path: id(brandId), body: ExternalVettingImportRequest.parse(input) })),

    /**
     * Order an external vet (billable). There is no referenceId: the existing vetting ids are recorded
     * before sending, and after an ambiguous failure a record that was not there before is ours.
     */
    orderExternalVetting: bind("brand.orderExternalVetting", async (brandId: string, input: In<typeof ExternalVettingOrderRequest>, opts: BillableOptions) => {
      const body = ExternalVettingOrderRequest.parse(input);
      const matching = async () => {
        const list = await listExternalVetting(brandId, { evpId: body.evpId, ...(body.vettingClass ? { vettingClass: body.vettingClass } : {}) });
        return list.filter((v) => v.evpId === body.evpId && (!body.vettingClass || v.vettingClass === body.vettingClass));
      };
      return billableCall(
        billableDeps(deps),
        {
          key: opts.idempotencyKey,
          operationId: "brand.orderExternalVetting",
          prepare: async () => ({ brandId, vettingIds: (await matching()).map((v) => v.vettingId ?? null) }),
          send: () => http.call("brand.orderExternalVetting", ExternalVetting, { path: id(brandId), body }),
          lookup: async (intent) => {
            const before = new Set(((intent.context as { vettingIds?: (string | null)[] } | null)?.vettingIds ?? []).filter(Boolean));
            return (await matching()).find((v) => v.vettingId && !before.has(v.vettingId)) ?? null;
          },
          objectId: (v) => v.vettingId ?? null,
        },
      );
    }),

    listExternalVettingAppeals: bind("brand.listExternalVettingAppeals", (brandId: string, query: In<typeof ExternalVettingAppealListQuery> = {}) =>
      http.call("brand.listExternalVettingAppeals", AppealList, { path: id(brandId), query: ExternalVettingAppealListQuery.parse(query) })),
    appealExternalVetting: bind("brand.appealExternalVetting", (brandId: string, input: In<typeof ExternalVettingAppealRequest>) =>
      http.call("brand.appealExternalVetting", NoContent, { path: id(brandId), body: ExternalVettingAppealRequest.parse(input) })),
    listEnhancedVettingReports: bind("brand.listEnhancedVettingReports", (brandId: string) =>
      http.call("brand.listEnhancedVettingReports", EnhancedVettingReportList, { path: id(brandId) })),

    revet: bind("brand.revet", (brandId: string) => http.call("brand.revet", Brand, { path: id(brandId) })),
    verifySmsOtp: bind("brand.verifySmsOtp", (brandId: string, input: In<typeof SmsOtpVerifyRequest>) =>
      http.call("brand.verifySmsOtp", NoContent, { path: id(brandId), body: SmsOtpVerifyRequest.parse(input) })),
    triggerSmsOtp: bind("brand.triggerSmsOtp", (brandId: string, input: In<typeof SmsOtpTriggerRequest>) =>
      http.call("brand.triggerSmsOtp", SmsOtpTriggerResponse, { path: id(brandId), body: SmsOtpTriggerRequest.parse(input) })),
  };
}
export type BrandsApi = ReturnType<typeof brandsApi>;
