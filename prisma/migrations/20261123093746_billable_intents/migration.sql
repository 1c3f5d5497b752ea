-- CreateTable
CREATE TABLE "BillableIntent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "referenceId" TEXT,
    "status" TEXT NOT NULL,
    "context" JSONB,
    "objectId" TEXT,
    "result" JSONB,
    "lastError" TEXT,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillableIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BillableIntent_orgId_status_idx" ON "BillableIntent"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BillableIntent_orgId_key_key" ON "BillableIntent"("orgId", "key");

-- AddForeignKey
ALTER TABLE "BillableIntent" ADD CONSTRAINT "BillableIntent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
