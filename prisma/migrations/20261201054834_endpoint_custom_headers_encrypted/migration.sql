-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "customHeadersEncrypted" TEXT;
