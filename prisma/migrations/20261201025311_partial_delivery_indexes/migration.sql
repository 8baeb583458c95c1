-- Delivery indexes that only some rows need become partial: pending/sending rows for
-- queue work and the reconciler, rows with a coalescing key, failed rows for retention.
-- (workspaceId, status, updatedAt) served no query. A delivered row is then in five
-- indexes instead of nine, and every status change writes that many fewer entries.

-- DropIndex
DROP INDEX "Delivery_endpointId_coalesceKey_status_idx";

-- DropIndex
DROP INDEX "Delivery_endpointId_status_nextAttemptAt_idx";

-- DropIndex
DROP INDEX "Delivery_status_nextAttemptAt_idx";

-- DropIndex
DROP INDEX "Delivery_workspaceId_status_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Delivery_endpointId_status_nextAttemptAt_idx" ON "Delivery"("endpointId", "status", "nextAttemptAt") WHERE (status IN ('pending', 'sending'));

-- CreateIndex
CREATE INDEX "Delivery_endpointId_coalesceKey_status_idx" ON "Delivery"("endpointId", "coalesceKey", "status") WHERE ("coalesceKey" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt") WHERE (status IN ('pending', 'sending'));

-- CreateIndex
CREATE INDEX "Delivery_failed_updatedAt_idx" ON "Delivery"("updatedAt") WHERE (status = 'failed');
