-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "sharedAt" TIMESTAMP(3),
ADD COLUMN     "sharingStatus" TEXT,
ADD COLUMN     "upstreamCnpId" TEXT;

-- CreateTable
CREATE TABLE "BrandDraft" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "createdById" TEXT,
    "entityType" TEXT,
    "displayName" TEXT,
    "step" TEXT NOT NULL DEFAULT 'entity',
    "data" JSONB NOT NULL,
    "brandId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignDraft" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "createdById" TEXT,
    "brandId" TEXT,
    "usecase" TEXT,
    "step" TEXT NOT NULL DEFAULT 'brand',
    "data" JSONB NOT NULL,
    "campaignId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerCampaign" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "brandId" TEXT,
    "usecase" TEXT,
    "status" TEXT,
    "downstreamCnpId" TEXT,
    "upstreamCnpId" TEXT,
    "sharingStatus" TEXT,
    "sharedAt" TIMESTAMP(3),
    "cnpMigration" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CnpMigration" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT,
    "targetCnpId" TEXT,
    "requestedAt" TIMESTAMP(3),
    "cancellationReason" TEXT,
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CnpMigration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandVetting" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "evpId" TEXT NOT NULL,
    "vettingClass" TEXT NOT NULL,
    "vettingId" TEXT,
    "vettingStatus" TEXT,
    "vettingScore" INTEGER,
    "vettedDate" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandVetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandAppeal" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "appealStatus" TEXT,
    "categories" TEXT[],
    "evpId" TEXT,
    "vettingId" TEXT,
    "appealedAt" TIMESTAMP(3),
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignPhoneNumber" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "status" TEXT,
    "data" JSONB NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignPhoneNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "params" JSONB NOT NULL,
    "filter" JSONB,
    "total" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "cancelRequestedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJobItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkJobItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BrandDraft_orgId_updatedAt_idx" ON "BrandDraft"("orgId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "CampaignDraft_orgId_updatedAt_idx" ON "CampaignDraft"("orgId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "PartnerCampaign_orgId_sharingStatus_idx" ON "PartnerCampaign"("orgId", "sharingStatus");

-- CreateIndex
CREATE INDEX "PartnerCampaign_orgId_downstreamCnpId_idx" ON "PartnerCampaign"("orgId", "downstreamCnpId");

-- CreateIndex
CREATE INDEX "PartnerCampaign_orgId_usecase_idx" ON "PartnerCampaign"("orgId", "usecase");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerCampaign_orgId_campaignId_key" ON "PartnerCampaign"("orgId", "campaignId");

-- CreateIndex
CREATE INDEX "CnpMigration_orgId_status_idx" ON "CnpMigration"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CnpMigration_orgId_campaignId_direction_key" ON "CnpMigration"("orgId", "campaignId", "direction");

-- CreateIndex
CREATE INDEX "BrandVetting_orgId_expiresAt_idx" ON "BrandVetting"("orgId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "BrandVetting_orgId_brandId_evpId_vettingClass_key" ON "BrandVetting"("orgId", "brandId", "evpId", "vettingClass");

-- CreateIndex
CREATE UNIQUE INDEX "BrandAppeal_orgId_brandId_key_key" ON "BrandAppeal"("orgId", "brandId", "key");

-- CreateIndex
CREATE INDEX "CampaignPhoneNumber_orgId_phoneNumber_idx" ON "CampaignPhoneNumber"("orgId", "phoneNumber");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignPhoneNumber_orgId_campaignId_phoneNumber_key" ON "CampaignPhoneNumber"("orgId", "campaignId", "phoneNumber");

-- CreateIndex
CREATE INDEX "BulkJob_orgId_createdAt_idx" ON "BulkJob"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "BulkJob_status_idx" ON "BulkJob"("status");

-- CreateIndex
CREATE INDEX "BulkJobItem_jobId_state_idx" ON "BulkJobItem"("jobId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_jobId_campaignId_key" ON "BulkJobItem"("jobId", "campaignId");

-- CreateIndex
CREATE INDEX "Campaign_orgId_upstreamCnpId_idx" ON "Campaign"("orgId", "upstreamCnpId");

-- AddForeignKey
ALTER TABLE "BrandDraft" ADD CONSTRAINT "BrandDraft_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDraft" ADD CONSTRAINT "CampaignDraft_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerCampaign" ADD CONSTRAINT "PartnerCampaign_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CnpMigration" ADD CONSTRAINT "CnpMigration_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandVetting" ADD CONSTRAINT "BrandVetting_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandAppeal" ADD CONSTRAINT "BrandAppeal_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPhoneNumber" ADD CONSTRAINT "CampaignPhoneNumber_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJobItem" ADD CONSTRAINT "BulkJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
