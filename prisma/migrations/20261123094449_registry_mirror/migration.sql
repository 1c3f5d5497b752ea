-- AlterTable
ALTER TABLE "RegistryConnection" ADD COLUMN     "webhookSecretEnc" TEXT;

-- CreateTable
CREATE TABLE "Brand" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "referenceId" TEXT,
    "entityType" TEXT,
    "displayName" TEXT,
    "companyName" TEXT,
    "country" TEXT,
    "vertical" TEXT,
    "status" TEXT,
    "identityStatus" TEXT,
    "vettingScore" INTEGER,
    "mock" BOOLEAN NOT NULL DEFAULT false,
    "registryCreatedAt" TIMESTAMP(3),
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "brandId" TEXT,
    "referenceId" TEXT,
    "usecase" TEXT,
    "status" TEXT,
    "autoRenewal" BOOLEAN,
    "mock" BOOLEAN NOT NULL DEFAULT false,
    "registryCreatedAt" TIMESTAMP(3),
    "nextRenewalOrExpirationDate" TEXT,
    "monthlyFee" DOUBLE PRECISION,
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignOperation" (
    "id" TEXT NOT NULL,
    "campaignRef" TEXT NOT NULL,
    "mnoId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "category" TEXT,
    "brandId" TEXT,
    "campaignId" TEXT,
    "payload" JSONB NOT NULL,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastDeliveredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "RegistryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Brand_orgId_identityStatus_idx" ON "Brand"("orgId", "identityStatus");

-- CreateIndex
CREATE INDEX "Brand_orgId_entityType_idx" ON "Brand"("orgId", "entityType");

-- CreateIndex
CREATE INDEX "Brand_orgId_registryCreatedAt_idx" ON "Brand"("orgId", "registryCreatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Brand_orgId_brandId_key" ON "Brand"("orgId", "brandId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_brandId_idx" ON "Campaign"("orgId", "brandId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_status_idx" ON "Campaign"("orgId", "status");

-- CreateIndex
CREATE INDEX "Campaign_orgId_usecase_idx" ON "Campaign"("orgId", "usecase");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_orgId_campaignId_key" ON "Campaign"("orgId", "campaignId");

-- CreateIndex
CREATE INDEX "CampaignOperation_mnoId_status_idx" ON "CampaignOperation"("mnoId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignOperation_campaignRef_mnoId_key" ON "CampaignOperation"("campaignRef", "mnoId");

-- CreateIndex
CREATE INDEX "RegistryEvent_orgId_receivedAt_idx" ON "RegistryEvent"("orgId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "RegistryEvent_orgId_brandId_idx" ON "RegistryEvent"("orgId", "brandId");

-- CreateIndex
CREATE INDEX "RegistryEvent_orgId_campaignId_idx" ON "RegistryEvent"("orgId", "campaignId");

-- CreateIndex
CREATE INDEX "RegistryEvent_status_receivedAt_idx" ON "RegistryEvent"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryEvent_orgId_dedupeKey_key" ON "RegistryEvent"("orgId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignOperation" ADD CONSTRAINT "CampaignOperation_campaignRef_fkey" FOREIGN KEY ("campaignRef") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryEvent" ADD CONSTRAINT "RegistryEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
