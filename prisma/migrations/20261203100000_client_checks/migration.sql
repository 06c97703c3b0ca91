-- CreateTable
CREATE TABLE "ClientCheck" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3),
    "reportedFrom" TEXT,
    "report" JSONB,

    CONSTRAINT "ClientCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClientCheck_tokenHash_key" ON "ClientCheck"("tokenHash");

-- CreateIndex
CREATE INDEX "ClientCheck_requestId_createdAt_idx" ON "ClientCheck"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClientCheck" ADD CONSTRAINT "ClientCheck_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientCheck" ADD CONSTRAINT "ClientCheck_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
