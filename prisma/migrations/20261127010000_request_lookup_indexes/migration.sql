-- CreateIndex
CREATE INDEX "AccessRequest_requesterId_createdAt_idx" ON "AccessRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_clusterId_idx" ON "AccessRequest"("clusterId");
