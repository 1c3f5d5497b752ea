-- AlterTable
ALTER TABLE "BulkJob" ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseQueueJobId" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);
