/** /enum/* reference data (tcr-api-part2.md §5). */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { pageOf } from "./schemas/common";
import {
  AppealCategoryItem, DcaListResponse, EnumCnpQuery, EnumExtVettingAppealCategoryQuery, EnumUsecaseQuery, ExtVettingProvider, Mno,
  ObjectMapResponse, OptionalAttributeName, PublicCompany, PublicCompanySearchQuery, StringListResponse, StringMapResponse,
  VettingClassItem, VettingFeedbackCodeResponse,
} from "./schemas/enums";
import { z as zod } from "zod";

const list = <T extends z.ZodType>(item: T) => zod.array(item);
const PublicCompanyPage = pageOf(PublicCompany);

export function enumsApi({ http }: ResourceDeps) {
  return {
    altBusinessIdType: bind("enum.altBusinessIdType", () => http.call("enum.altBusinessIdType", StringListResponse)),
    approvedPublicCompany: bind("enum.approvedPublicCompany", (query: z.input<typeof PublicCompanySearchQuery> = {}) =>
      http.call("enum.approvedPublicCompany", PublicCompanyPage, { query: PublicCompanySearchQuery.parse(query) })),
    assetAppealCategory: bind("enum.assetAppealCategory", () => http.call("enum.assetAppealCategory", list(AppealCategoryItem))),
    brandAppealCategory: bind("enum.brandAppealCategory", () => http.call("enum.brandAppealCategory", list(AppealCategoryItem))),
    brandIdentityStatus: bind("enum.brandIdentityStatus", () => http.call("enum.brandIdentityStatus", StringListResponse)),
    brandRelationship: bind("enum.brandRelationship", () => http.call("enum.brandRelationship", StringListResponse)),
    brandStatus: bind("enum.brandStatus", () => http.call("enum.brandStatus", StringListResponse)),
    campaignStatus: bind("enum.campaignStatus", () => http.call("enum.campaignStatus", StringListResponse)),
    cnp: bind("enum.cnp", (query: z.input<typeof EnumCnpQuery> = {}) => http.call("enum.cnp", StringMapResponse, { query: EnumCnpQuery.parse(query) })),
    country: bind("enum.country", () => http.call("enum.country", StringMapResponse)),
    dca: bind("enum.dca", (query: z.input<typeof EnumCnpQuery> = {}) => http.call("enum.dca", DcaListResponse, { query: EnumCnpQuery.parse(query) })),
    entityType: bind("enum.entityType", () => http.call("enum.entityType", StringListResponse)),
    extVettingAppealCategory: bind("enum.extVettingAppealCategory", (query: z.input<typeof EnumExtVettingAppealCategoryQuery> = {}) =>
      http.call("enum.extVettingAppealCategory", list(AppealCategoryItem), { query: EnumExtVettingAppealCategoryQuery.parse(query) })),
    extVettingProvider: bind("enum.extVettingProvider", () => http.call("enum.extVettingProvider", list(ExtVettingProvider))),
    mno: bind("enum.mno", () => http.call("enum.mno", list(Mno))),
    nudgeIntent: bind("enum.nudgeIntent", () => http.call("enum.nudgeIntent", StringListResponse)),
    operationStatus: bind("enum.operationStatus", () => http.call("enum.operationStatus", StringListResponse)),
    optionalAttributeNames: bind("enum.optionalAttributeNames", () => http.call("enum.optionalAttributeNames", list(OptionalAttributeName))),
    sharingRejectionCategory: bind("enum.sharingRejectionCategory", () => http.call("enum.sharingRejectionCategory", StringListResponse)),
    stockExchange: bind("enum.stockExchange", () => http.call("enum.stockExchange", StringListResponse)),
    suspensionRuleCategory: bind("enum.suspensionRuleCategory", () => http.call("enum.suspensionRuleCategory", StringListResponse)),
    usecase: bind("enum.usecase", (query: z.input<typeof EnumUsecaseQuery> = {}) =>
      http.call("enum.usecase", ObjectMapResponse, { query: EnumUsecaseQuery.parse(query) })),
    usState: bind("enum.usState", () => http.call("enum.usState", StringMapResponse)),
    vertical: bind("enum.vertical", () => http.call("enum.vertical", ObjectMapResponse)),
    vettingClass: bind("enum.vettingClass", () => http.call("enum.vettingClass", list(VettingClassItem))),
    vettingFeedbackCode: bind("enum.vettingFeedbackCode", () => http.call("enum.vettingFeedbackCode", VettingFeedbackCodeResponse)),
    vettingStatus: bind("enum.vettingStatus", () => http.call("enum.vettingStatus", StringListResponse)),
  };
}
export type EnumsApi = ReturnType<typeof enumsApi>;
