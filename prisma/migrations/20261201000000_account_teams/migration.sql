-- CreateTable
CREATE TABLE "AccountTeam" (
    "accountId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountTeam_pkey" PRIMARY KEY ("accountId","teamId")
);

-- CreateIndex
CREATE INDEX "AccountTeam_teamId_idx" ON "AccountTeam"("teamId");

-- AddForeignKey
ALTER TABLE "AccountTeam" ADD CONSTRAINT "AccountTeam_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "AwsAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountTeam" ADD CONSTRAINT "AccountTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
