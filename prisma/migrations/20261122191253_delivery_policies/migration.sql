-- CreateEnum
CREATE TYPE "EndpointKind" AS ENUM ('webhook', 'callback');

-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'skipped';

-- DropIndex
DROP INDEX "Endpoint_workspaceId_createdAt_idx";

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "coalesceKey" TEXT;

-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "circuitOpenUntil" TIMESTAMP(3),
ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "kind" "EndpointKind" NOT NULL DEFAULT 'webhook',
ADD COLUMN     "previousSecretEncrypted" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "callbackSecretEncrypted" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_endpointId_status_nextAttemptAt_idx" ON "Delivery"("endpointId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_endpointId_coalesceKey_status_idx" ON "Delivery"("endpointId", "coalesceKey", "status");

-- CreateIndex
CREATE INDEX "Delivery_workspaceId_status_updatedAt_idx" ON "Delivery"("workspaceId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Endpoint_workspaceId_kind_createdAt_idx" ON "Endpoint"("workspaceId", "kind", "createdAt");
