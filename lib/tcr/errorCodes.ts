/** GET /error: TCR's error code → description catalogue. */
import { z } from "zod";
import { bind, type ResourceDeps } from "./op";

export const ErrorCodeMap = z.record(z.string(), z.string());
export type ErrorCodeMap = z.infer<typeof ErrorCodeMap>;

export function errorCodesApi({ http }: ResourceDeps) {
  return {
    list: bind("errorCode.list", () => http.call("errorCode.list", ErrorCodeMap)),
  };
}
export type ErrorCodesApi = ReturnType<typeof errorCodesApi>;
