import type { Sim } from "../core/context";
import { ERROR_CODES } from "../core/errors";
import { json } from "../core/http";
import type { Router } from "../core/router";

/** Platform and Error Code groups: GET /version (text/plain, [old-client]) and GET /error (code → description map). */
export const API_VERSION = "7.8.0";

export function registerPlatformRoutes(r: Router, _sim: Sim): void {
  r.get("/version", () => ({ status: 200, text: API_VERSION }));
  r.get("/error", () => json(Object.fromEntries(Object.entries(ERROR_CODES).map(([k, v]) => [String(k), v]))));
}
