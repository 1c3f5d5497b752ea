/** Mock Campaign Verify token for QA/staging (tcr-api-part2.md §8); invalid in production. */
import type { z } from "zod";
import { bind, type ResourceDeps } from "./op";
import { MockCvTokenRequest } from "./schemas/vetting";

export function mockCvTokenApi({ http }: ResourceDeps) {
  return {
    /** The reference shows no response; the token is returned as the raw (trimmed) text body. */
    generate: bind("mockCvToken.generate", async (brandId: string, input: z.input<typeof MockCvTokenRequest> = {}) =>
      (await http.callText("mockCvToken.generate", { path: { brandId }, body: MockCvTokenRequest.parse(input) })).trim()),
  };
}
export type MockCvTokenApi = ReturnType<typeof mockCvTokenApi>;
