-- CreateTable
CREATE TABLE "RegistryRateLimit" (
    "key" TEXT NOT NULL,
    "tat" BIGINT NOT NULL,

    CONSTRAINT "RegistryRateLimit_pkey" PRIMARY KEY ("key")
);
