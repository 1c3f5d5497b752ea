-- AlterTable
ALTER TABLE "BulkJobItem" ADD COLUMN     "input" JSONB,
ADD COLUMN     "notBefore" TIMESTAMP(3);
