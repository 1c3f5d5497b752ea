-- CreateTable
CREATE TABLE "CampaignPageSnapshot" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "campaignId" TEXT,
    "kind" TEXT NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "status" INTEGER,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "contentType" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentHash" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "html" TEXT,
    "findings" JSONB NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "CampaignPageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignPageSnapshot_orgId_draftId_fetchedAt_idx" ON "CampaignPageSnapshot"("orgId", "draftId", "fetchedAt" DESC);

-- CreateIndex
CREATE INDEX "CampaignPageSnapshot_orgId_campaignId_idx" ON "CampaignPageSnapshot"("orgId", "campaignId");

-- AddForeignKey
ALTER TABLE "CampaignPageSnapshot" ADD CONSTRAINT "CampaignPageSnapshot_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
