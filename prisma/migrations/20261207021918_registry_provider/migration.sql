-- CreateEnum
CREATE TYPE "RegistryProvider" AS ENUM ('TCR', 'VONAGE', 'TELNYX');

-- AlterTable
ALTER TABLE "RegistryConnection" ADD COLUMN     "lastCheckOk" BOOLEAN,
ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "provider" "RegistryProvider" NOT NULL DEFAULT 'TCR';
