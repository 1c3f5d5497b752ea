/**
 * Registry error format: every failure is a JSON array of {code, field?, description}
 * (model ApiErrorCSP). Codes are TCR codes, not HTTP statuses; the HTTP status is chosen per code below.
 * Codes >= 900 are simulator-defined: the reference names no code for those situations.
 */
export interface TcrErrorItem {
  code: number;
  field?: string;
  description: string;
}

export const ERROR_CODES: Record<number, string> = {
  202: "User not authenticated",
  205: "Unauthorized operation",
  500: "Authentication error, not the owner of the record",
  501: "Invalid input parameter",
  502: "Record not found",
  503: "referenceId already in use",
  509: "Brand does not qualify for the submitted campaign use case",
  518: "Campaign expired",
  590: "TCR internal system error",
  592: "Operation declined due to data constraints",
  // Simulator-defined (the reference gives no code for these situations).
  901: "No such operation",
  902: "Operation not allowed in the record's current state",
  903: "Too many requests",
  904: "OTP PIN invalid or expired",
  905: "Request throttled; try again later",
  906: "Payload too large",
};

/** HTTP status per TCR code; validation and state errors travel as 400 as third parties observe. */
const HTTP_STATUS: Record<number, number> = {
  202: 401,
  205: 403,
  500: 403,
  502: 404,
  590: 500,
  901: 404,
  903: 429,
  906: 413,
};

export class TcrError extends Error {
  readonly items: TcrErrorItem[];
  readonly httpStatus: number;
  constructor(items: TcrErrorItem[], httpStatus?: number) {
    super(items.map((i) => `${i.code} ${i.field ?? ""} ${i.description}`).join("; "));
    this.items = items;
    this.httpStatus = httpStatus ?? HTTP_STATUS[items[0]?.code ?? 501] ?? 400;
  }
}

export function tcrError(code: number, description?: string, field?: string): TcrError {
  const item: TcrErrorItem = { code, description: description ?? ERROR_CODES[code] ?? "Error" };
  if (field !== undefined) item.field = field;
  return new TcrError([item]);
}

export const invalid = (field: string, description: string) => tcrError(501, description, field);
export const notFound = (what: string, field?: string) => tcrError(502, `${what} not found`, field);
export const badState = (description: string) => tcrError(902, description);

/** Collects field errors so a request reports every problem at once, like the registry. */
export class FieldErrors {
  readonly items: TcrErrorItem[] = [];
  add(field: string, description: string, code = 501): void {
    this.items.push({ code, field, description });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  throwIfAny(): void {
    if (!this.empty) throw new TcrError(this.items);
  }
}
