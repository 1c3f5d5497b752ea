/** Platform Free Trial (tcr-api-part2.md §11). TCR error code 502 = the PFT brand is not provisioned. */
import { bind, type ResourceDeps } from "./op";
import { Brand } from "./schemas/brand";

export function pftApi({ http }: ResourceDeps) {
  return {
    getBrand: bind("pft.getBrand", () => http.call("pft.getBrand", Brand)),
  };
}
export type PftApi = ReturnType<typeof pftApi>;
