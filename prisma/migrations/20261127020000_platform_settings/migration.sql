-- CreateTable
CREATE TABLE "PlatformSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "crossAccountVpcVia" TEXT NOT NULL DEFAULT 'peering',
    "tagKeyRequestId" TEXT NOT NULL DEFAULT 'msk-portal:request-id',
    "tagKeyStepKey" TEXT NOT NULL DEFAULT 'msk-portal:step-key',
    "organization" JSONB,
    "transitHubs" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "PlatformSettings_pkey" PRIMARY KEY ("id")
);
