/** MNO operation (tcr-api-part2.md §7). */
import { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { NoContent } from "./schemas/common";

/** The explanation travels as a JSON body on DELETE (required by the reference). */
export const DeleteExcludedMnoRequest = z.strictObject({ explanation: z.string().min(1) });
export type DeleteExcludedMnoRequest = z.infer<typeof DeleteExcludedMnoRequest>;

export function mnoApi({ http }: ResourceDeps) {
  return {
    deleteExcludedMno: bind("mno.deleteExcludedMno", (campaignId: string, mnoId: number, input: DeleteExcludedMnoRequest) =>
      http.call("mno.deleteExcludedMno", NoContent, { path: { campaignId, mnoId }, body: DeleteExcludedMnoRequest.parse(input) })),
  };
}
export type MnoApi = ReturnType<typeof mnoApi>;
