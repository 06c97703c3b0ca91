import { db } from "@/lib/db/client";
import { EXISTING_ACCESS_CSV_HEADER, existingAccessCsvLine } from "@/lib/domain/catalog/existing-access";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { readClusterAccess } from "@/lib/provisioner/read-cluster-access";

import { clusterCsvRoute, plainText } from "../_csv/cluster-csv-route";

export const dynamic = "force-dynamic";

// The access that exists in AWS to the cluster, read now, as a spreadsheet.
export const GET = clusterCsvRoute(async (cluster) => {
  const reading = await readClusterAccess(await portalAwsAccess(db()), cluster.arn);
  if (!reading.ok) return plainText(502, `AWS could not be read: ${reading.error}`);
  return { csv: EXISTING_ACCESS_CSV_HEADER + reading.items.map(existingAccessCsvLine).join(""), fileSuffix: `access-${reading.readAt.slice(0, 19).replace(/[-:T]/g, "")}` };
});
