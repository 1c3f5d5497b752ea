export { createVonageClient, VONAGE_FEES, type VonageClient, type LinkedNumber, type Throughput } from "./client";
export { VonageApiError } from "./http";
export { consentToMessageFlowDetails, vonageFieldToOurs, type VonageTcrBrand, type VonageTcrCampaign, type CampaignExtras } from "./mapping";
export * from "./schemas";
