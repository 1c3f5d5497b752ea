import type { Reply } from "../../core/router";
import type { FieldErrors } from "../../core/errors";

/**
 * Telnyx's error bodies. The reference documents one: 422 "Validation Error", an array of Detail objects
 * (Location array, msg, type), i.e. FastAPI's `{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`
 * (the key names `detail` and `loc` are FastAPI's; the Redoc dump prints only their titles). Other
 * failures use FastAPI's `{"detail": "<message>"}` (revet's 400 "Request Failed" has no documented body).
 * Gateway-level refusals (401, 429, 5xx) use Telnyx's platform envelope `{"errors": [{code, title, detail}]}`
 * with its codes 10009, 10011 and 10007: EXTERNAL (Telnyx API error list, not in the reference).
 */
export interface TelnyxDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class TelnyxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Telnyx sandbox error ${status}`);
  }
  reply(): Reply {
    return { status: this.status, json: this.body };
  }
}

export const detailError = (status: number, detail: string) => new TelnyxHttpError(status, { detail });
export const notFound = () => detailError(404, "Brand not found");
/** Revet and other refused operations: the reference says only 400 "Request Failed". */
export const requestFailed = (why: string) => detailError(400, `Request Failed: ${why}`);

const platform = (status: number, code: string, title: string, detail: string): Reply => ({ status, json: { errors: [{ code, title, detail }] } });
export const unauthorized = (): Reply =>
  platform(401, "10009", "Authentication failed", "The required authentication headers were either invalid or not included in the request.");
export const tooManyRequests = (): Reply => platform(429, "10011", "Too many requests", "You have exceeded the maximum number of allowed requests.");
export const unexpected = (status = 500): Reply => platform(status, "10007", "Unexpected error", "An unexpected error occured.");

/** Collects every field problem of a request, like pydantic does, then throws one 422. */
export class Validation {
  readonly details: TelnyxDetail[] = [];
  add(loc: (string | number)[], msg: string, type: string): void {
    this.details.push({ loc, msg, type });
  }
  body(field: string, msg: string, type = "value_error"): void {
    this.add(["body", field], msg, type);
  }
  hasField(field: string): boolean {
    return this.details.some((d) => d.loc[0] === "body" && d.loc[1] === field);
  }
  /** The TCR domain's findings (sandbox/domain/brands.ts), skipping fields already reported. */
  addDomain(errs: FieldErrors): void {
    for (const i of errs.items) {
      const field = i.field ?? "body";
      if (!this.hasField(field)) this.body(field, i.description);
    }
  }
  throwIfAny(): void {
    if (this.details.length > 0) throw new TelnyxHttpError(422, { detail: this.details });
  }
}
