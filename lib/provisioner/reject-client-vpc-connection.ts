import { z } from "zod";

import { describeAwsError, type AwsAccess } from "@/lib/aws";
import { listClientVpcConnections } from "@/lib/aws/discovery/client-vpc-connections";
import { rejectClientVpcConnection } from "@/lib/aws/msk/reject-client-vpc-connection";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { listConnectionGrants } from "@/lib/db/requests/list-connection-grants";
import { watchConnections } from "@/lib/domain/client-vpc-connections";
import { may, personOf } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";

export const rejectConnectionSchema = z.object({
  clusterId: z.string().min(1, "Choose a cluster"),
  connectionArn: z
    .string()
    .trim()
    .regex(
      /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:vpc-connection\/\S+$/,
      "Enter a VPC connection ARN like arn:aws:kafka:REGION:ACCOUNT:vpc-connection/…",
    ),
});

type Rejecter = { id: string; email: string; roles: readonly Role[]; teamIds: readonly string[] };

const nothingChanged = (code: "bad-request" | "not-found" | "conflict", why: string) =>
  new ExpectedError(code, `${why} Nothing was changed.`);

/**
 * An operator rejects one client VPC connection to a cluster, in the cluster owner's account. Checked against
 * MSK's list first, so an ARN of another cluster or a connection MSK would refuse changes nothing; the
 * rejection is audited with MSK's request id, and on the timeline of the request that expected it, if any.
 */
export async function rejectClientVpcConnectionAs(
  user: Rejecter,
  input: unknown,
  access: AwsAccess,
): Promise<{ message: string }> {
  const decision = may(personOf(user), "connection.reject");
  if (!decision.ok) throw refusal(decision);
  const parsed = rejectConnectionSchema.safeParse(input);
  if (!parsed.success) {
    throw new ExpectedError(
      "bad-request",
      "That connection could not be read. Nothing was changed.",
      z.flattenError(parsed.error).fieldErrors,
    );
  }
  const { clusterId, connectionArn } = parsed.data;
  const cluster = await db().cluster.findUnique({ where: { id: clusterId } });
  if (!cluster) throw nothingChanged("not-found", "That cluster is not in the catalog.");
  const connection = (await listClientVpcConnections(access, cluster)).find((c) => c.arn === connectionArn);
  if (!connection) throw nothingChanged("not-found", `MSK lists no client VPC connection ${connectionArn} on ${cluster.name}.`);
  if (connection.state !== "AVAILABLE") {
    throw nothingChanged("conflict", `The connection is ${connection.state}; MSK rejects only AVAILABLE connections.`);
  }
  const [watched] = watchConnections([connection], await listConnectionGrants(clusterId));
  const { awsRequestId } = await rejectClientVpcConnection(access, cluster, connectionArn).catch((error: unknown) => {
    const info = describeAwsError(error);
    throw nothingChanged("conflict", `MSK refused to reject it: ${info.message} (${info.code}).`);
  });
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "cluster.connection-reject",
      requestId: watched?.expectedBy?.requestId,
      accountId: cluster.accountId,
      region: cluster.region,
      resourceIds: [connectionArn],
      details: {
        clusterArn: cluster.arn,
        owner: connection.ownerAccount,
        authentication: connection.authentication,
        expectedBy: watched?.expectedBy?.requestNumber ?? null,
        awsRequestId,
      },
    }),
  );
  return {
    message: `Rejected the ${connection.authentication} connection from account ${connection.ownerAccount}; MSK is cutting it off.`,
  };
}
