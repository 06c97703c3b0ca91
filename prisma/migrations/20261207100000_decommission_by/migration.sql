-- AlterTable
ALTER TABLE "ApprovalPolicyVersion" ADD COLUMN     "decommissionBy" TEXT NOT NULL DEFAULT 'team-or-operator';
