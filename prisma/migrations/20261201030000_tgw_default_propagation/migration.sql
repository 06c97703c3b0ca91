-- AlterTable
ALTER TABLE "PlatformSettings" ADD COLUMN     "tgwDefaultPropagation" TEXT NOT NULL DEFAULT 'disable';
