/** GET /version. */
import { bind, type ResourceDeps } from "./op";

export function platformApi({ http }: ResourceDeps) {
  return {
    /** No sample in the reference; [old-client] says text/plain. A JSON string body is unwrapped. */
    version: bind("platform.version", async () => {
      const text = (await http.callText("platform.version")).trim();
      if (text.startsWith('"')) {
        try {
          return String(JSON.parse(text));
        } catch {
          return text;
        }
      }
      return text;
    }),
  };
}
export type PlatformApi = ReturnType<typeof platformApi>;
