/**
 * lib/providers/telnyx — Telnyx's 10DLC brand API behind lib/tcr/brands.ts's method names and signatures.
 *   const telnyx = createTelnyxClient({ baseUrl: "https://api.telnyx.com/10dlc", auth: { mode: "bearer", apiKey }, intentStore });
 *   await telnyx.brands.create(input, { idempotencyKey: draftId });
 */
export { createTelnyxClient, type TelnyxBrands, type TelnyxBrandMethod } from "./client";
export { TELNYX_FEES } from "./fees";
export { TelnyxPreflightError, parseTelnyxErrorBody } from "./errors";
export { telnyxEndpoints, createTelnyxHttp, type TelnyxHttp, type TelnyxOperationId } from "./http";
export * as telnyxSchemas from "./schemas";
