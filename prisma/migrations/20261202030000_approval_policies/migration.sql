-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "approvalPolicy" JSONB;

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "ownerTeamId" TEXT;

-- CreateTable
CREATE TABLE "ApprovalPolicy" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ApprovalPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalPolicyVersion" (
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "match" JSONB NOT NULL,
    "outcome" JSONB NOT NULL,
    "requireEndDate" BOOLEAN NOT NULL DEFAULT false,
    "maxDurationDays" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "ApprovalPolicyVersion_pkey" PRIMARY KEY ("policyId","version")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamIds" TEXT[],
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeFreeze" (
    "id" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeFreeze_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FreezeOverride" (
    "requestId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FreezeOverride_pkey" PRIMARY KEY ("requestId")
);

-- CreateIndex
CREATE INDEX "ApprovalPolicy_deletedAt_position_idx" ON "ApprovalPolicy"("deletedAt", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_requestId_userId_key" ON "Approval"("requestId", "userId");

-- CreateIndex
CREATE INDEX "ChangeFreeze_endsAt_idx" ON "ChangeFreeze"("endsAt");

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalPolicyVersion" ADD CONSTRAINT "ApprovalPolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "ApprovalPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezeOverride" ADD CONSTRAINT "FreezeOverride_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every database has the default policy: one approval from someone other than the requester, as before
-- approval policies existed. It matches every request and is asked last.
INSERT INTO "ApprovalPolicy" ("id", "position", "isDefault", "currentVersion") VALUES ('default', 1000000, true, 1);
INSERT INTO "ApprovalPolicyVersion" ("policyId", "version", "name", "match", "outcome", "createdBy")
VALUES ('default', 1, 'Default: one approval', '{}', '{"kind":"approvals","count":1,"fromTeam":null,"fromClusterOwner":false}', 'migration');
