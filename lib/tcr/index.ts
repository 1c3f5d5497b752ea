/**
 * lib/tcr — the only door to The Campaign Registry in this portal.
 *   const tcr = createTcrClient({ baseUrl, auth: { mode: "bearer", apiKey }, limiter, intentStore, logger });
 *   await tcr.brands.create(input, { idempotencyKey: draftId });
 */
export { createTcrClient, type TcrClient } from "./client";
export { createTcrHttp, encodeQuery, parseRetryAfter, type TcrAuth, type TcrClientConfig, type TcrHttp, type TcrLogger, type RetryConfig } from "./http";
export { endpoints, operationIds, buildPath, getOperation, type OperationDef, type OperationId, type Provenance, type RateKind } from "./endpoints";
export {
  TcrError, TcrNetworkError, TcrTimeoutError, TcrResponseError, TcrAmbiguousBillableError, parseTcrErrorBody, tcrErrorToFieldErrors,
  type TcrErrorItem,
} from "./errors";
export { InMemoryRateLimiter, TCR_DEFAULT_BUDGETS, type RateLimiter, type RateBudget, type RateBudgets } from "./limiter";
export { billableCall, InMemoryIntentStore, isDefiniteFailure, type BillableIntent, type BillableSpec, type IntentStore, type IntentStatus } from "./billable";
export { paginate, collectAll, type PageResult, type PaginateOptions } from "./paginate";
export { coveredOperations, missingOperations } from "./coverage";
export { deriveReferenceId, type BillableOptions } from "./op";
export * as schemas from "./schemas";
