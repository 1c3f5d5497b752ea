-- CreateEnum
CREATE TYPE "RegistryProvider" AS ENUM ('TCR', 'VONAGE', 'TELNYX');

-- AlterTable
ALTER TABLE "RegistryConnection" ADD COLUMN     "provider" "RegistryProvider" NOT NULL DEFAULT 'TCR';
