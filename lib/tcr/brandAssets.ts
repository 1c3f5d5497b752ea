/** Brand assets for RCS (tcr-api-part1.md §4), addressed by name within a brand. */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { toFormData } from "./op";
import { AppealList, AppealListQuery, AppealRequest } from "./schemas/appeal";
import { BrandAssetList, BrandAssetListQuery, BrandAssetUploadFields } from "./schemas/brandAsset";
import { NoContent, type UploadFile } from "./schemas/common";

export function brandAssetsApi({ http }: ResourceDeps) {
  const at = (brandId: string, name: string) => ({ brandId, name });
  return {
    list: bind("brandAsset.list", (brandId: string, query: z.input<typeof BrandAssetListQuery> = {}) =>
      http.call("brandAsset.list", BrandAssetList, { path: { brandId }, query: BrandAssetListQuery.parse(query) })),
    /** Give either `file` or `fields.url`. */
    upload: bind("brandAsset.upload", (brandId: string, fields: z.input<typeof BrandAssetUploadFields>, file?: UploadFile) => {
      const f = BrandAssetUploadFields.parse(fields);
      if (!file && !f.url) return Promise.reject(new TypeError("brandAssets.upload needs a file or a url"));
      return http.call("brandAsset.upload", NoContent, { path: { brandId }, body: toFormData({ name: f.name, type: f.type, url: f.url }, file) });
    }),
    delete: bind("brandAsset.delete", (brandId: string, name: string) => http.call("brandAsset.delete", NoContent, { path: at(brandId, name) })),
    listAppeals: bind("brandAsset.listAppeals", (brandId: string, name: string, query: z.input<typeof AppealListQuery> = {}) =>
      http.call("brandAsset.listAppeals", AppealList, { path: at(brandId, name), query: AppealListQuery.parse(query) })),
    appeal: bind("brandAsset.appeal", (brandId: string, name: string, input: z.input<typeof AppealRequest>) =>
      http.call("brandAsset.appeal", NoContent, { path: at(brandId, name), body: AppealRequest.parse(input) })),
    verify: bind("brandAsset.verify", (brandId: string, name: string) => http.call("brandAsset.verify", NoContent, { path: at(brandId, name) })),
  };
}
export type BrandAssetsApi = ReturnType<typeof brandAssetsApi>;
