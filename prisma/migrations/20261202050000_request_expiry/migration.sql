-- CreateEnum
CREATE TYPE "ExpiryEventKind" AS ENUM ('REMINDER_7_DAYS', 'REMINDER_1_DAY', 'HELD', 'ENDED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "endsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RequestExpiryEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "ExpiryEventKind" NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestExpiryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestExtension" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "fromEndsAt" TIMESTAMP(3) NOT NULL,
    "toEndsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decisionComment" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestExtension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessRequest_endsAt_idx" ON "AccessRequest"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestExpiryEvent_requestId_kind_endsAt_key" ON "RequestExpiryEvent"("requestId", "kind", "endsAt");

-- CreateIndex
CREATE INDEX "RequestExtension_requestId_createdAt_idx" ON "RequestExtension"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "RequestExpiryEvent" ADD CONSTRAINT "RequestExpiryEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestExtension" ADD CONSTRAINT "RequestExtension_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestExtension" ADD CONSTRAINT "RequestExtension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestExtension" ADD CONSTRAINT "RequestExtension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
