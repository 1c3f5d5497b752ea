/** Resellers (tcr-api-part2.md §12). */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { NoContent } from "./schemas/common";
import { Reseller, ResellerPage, ResellerRequest, ResellerSearchQuery } from "./schemas/reseller";

export function resellersApi({ http }: ResourceDeps) {
  const id = (resellerId: string) => ({ resellerId });
  return {
    search: bind("reseller.search", (query: z.input<typeof ResellerSearchQuery> = {}) =>
      http.call("reseller.search", ResellerPage, { query: ResellerSearchQuery.parse(query) })),
    create: bind("reseller.create", (input: z.input<typeof ResellerRequest>) =>
      http.call("reseller.create", Reseller, { body: ResellerRequest.parse(input) })),
    get: bind("reseller.get", (resellerId: string) => http.call("reseller.get", Reseller, { path: id(resellerId) })),
    update: bind("reseller.update", (resellerId: string, input: z.input<typeof ResellerRequest>) =>
      http.call("reseller.update", Reseller, { path: id(resellerId), body: ResellerRequest.parse(input) })),
    delete: bind("reseller.delete", (resellerId: string) => http.call("reseller.delete", NoContent, { path: id(resellerId) })),
  };
}
export type ResellersApi = ReturnType<typeof resellersApi>;
