-- AlterTable
ALTER TABLE "RequestExtension" ADD COLUMN     "approvalPolicy" JSONB,
ADD COLUMN     "approvals" JSONB NOT NULL DEFAULT '[]';
