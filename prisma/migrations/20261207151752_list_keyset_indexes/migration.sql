-- DropIndex
DROP INDEX "Brand_orgId_identityStatus_idx";

-- DropIndex
DROP INDEX "Brand_orgId_registryCreatedAt_idx";

-- DropIndex
DROP INDEX "Campaign_orgId_status_idx";

-- DropIndex
DROP INDEX "Campaign_orgId_usecase_idx";

-- CreateIndex
CREATE INDEX "Brand_orgId_identityStatus_brandId_idx" ON "Brand"("orgId", "identityStatus", "brandId");

-- CreateIndex
CREATE INDEX "Brand_orgId_displayName_brandId_idx" ON "Brand"("orgId", "displayName", "brandId");

-- CreateIndex
CREATE INDEX "Brand_orgId_registryCreatedAt_brandId_idx" ON "Brand"("orgId", "registryCreatedAt" DESC, "brandId" DESC);

-- CreateIndex
CREATE INDEX "Campaign_orgId_status_campaignId_idx" ON "Campaign"("orgId", "status", "campaignId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_usecase_campaignId_idx" ON "Campaign"("orgId", "usecase", "campaignId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_registryCreatedAt_campaignId_idx" ON "Campaign"("orgId", "registryCreatedAt" DESC, "campaignId" DESC);

-- CreateIndex
CREATE INDEX "Campaign_orgId_nextRenewalOrExpirationDate_campaignId_idx" ON "Campaign"("orgId", "nextRenewalOrExpirationDate", "campaignId");
