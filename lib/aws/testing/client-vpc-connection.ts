import {
  CreateVpcConnectionCommand,
  DescribeClusterV2Command,
  DescribeVpcConnectionCommand,
  GetClusterPolicyCommand,
  PutClusterPolicyCommand,
  UpdateConnectivityCommand,
} from "@aws-sdk/client-kafka";
import type { AwsAccess } from "../aws-access";
import { multiVpcOf } from "../steps/support/msk-cluster";
import { eventually } from "./eventually";

const MSK = "111111111111";
const REGION = "us-east-1";

/** The default topology's client VPCs (one per az it shares with orders-prod), as a connection takes them. */
export const CLIENT_VPCS = {
  "444444444444": {
    VpcId: "vpc-0ddd0000000000001",
    ClientSubnets: ["subnet-0ddd0000000000001"],
    SecurityGroups: ["sg-0ddd0000000000001"],
  },
  "222222222222": {
    VpcId: "vpc-0bbb0000000000001",
    ClientSubnets: ["subnet-0bbb0000000000001"],
    SecurityGroups: ["sg-0bbb0000000000001"],
  },
} as const;
export type ClientAccount = keyof typeof CLIENT_VPCS;
const vpcOf = (account: ClientAccount) => {
  const v = CLIENT_VPCS[account];
  return { VpcId: v.VpcId, ClientSubnets: [...v.ClientSubnets], SecurityGroups: [...v.SecurityGroups] };
};

async function clusterActive(access: AwsAccess, clusterArn: string) {
  const describe = () => access.kafka(MSK, REGION).send(new DescribeClusterV2Command({ ClusterArn: clusterArn }));
  await eventually(async () => (await describe()).ClusterInfo?.State === "ACTIVE");
  return describe();
}

/**
 * Set up as a cluster owner and a client would outside the portal: the schemes on, the accounts granted
 * CreateVpcConnection, then one connection per account, waited for until AVAILABLE.
 */
export async function connectOutsideThePortal(
  access: AwsAccess,
  clusterArn: string,
  clients: { account: ClientAccount; authentication: "SASL_IAM" | "SASL_SCRAM" }[],
) {
  const kafka = access.kafka(MSK, REGION);
  const before = await clusterActive(access, clusterArn);
  const now = before.ClusterInfo ? multiVpcOf(before.ClusterInfo) : { iam: false, scram: false, tls: false };
  const has = { SASL_IAM: now.iam, SASL_SCRAM: now.scram };
  const tls = now.tls;
  // Only turns on what is missing, leaving every scheme that is on as it is.
  const on = (auth: "SASL_IAM" | "SASL_SCRAM") => has[auth] || clients.some((c) => c.authentication === auth);
  if (on("SASL_IAM") !== has.SASL_IAM || on("SASL_SCRAM") !== has.SASL_SCRAM) {
    await kafka.send(
      new UpdateConnectivityCommand({
        ClusterArn: clusterArn,
        CurrentVersion: before.ClusterInfo?.CurrentVersion,
        ConnectivityInfo: {
          VpcConnectivity: {
            ClientAuthentication: {
              Sasl: { Iam: { Enabled: on("SASL_IAM") }, Scram: { Enabled: on("SASL_SCRAM") } },
              Tls: { Enabled: tls },
            },
          },
        },
      }),
    );
    await clusterActive(access, clusterArn);
  }
  const principals = [...new Set(clients.map((c) => `arn:aws:iam::${c.account}:root`))];
  const outside = {
    Sid: "Outside",
    Effect: "Allow",
    Principal: { AWS: principals },
    Action: "kafka:CreateVpcConnection",
    Resource: clusterArn,
  };
  // Added beside whatever the policy already says (a portal request's grants among it).
  const current = await kafka.send(new GetClusterPolicyCommand({ ClusterArn: clusterArn })).catch(() => null);
  const statements = current?.Policy ? (JSON.parse(current.Policy) as { Statement: unknown[] }).Statement : [];
  await kafka.send(
    new PutClusterPolicyCommand({
      ClusterArn: clusterArn,
      Policy: JSON.stringify({ Version: "2012-10-17", Statement: [...statements, outside] }),
      ...(current?.CurrentVersion ? { CurrentVersion: current.CurrentVersion } : {}),
    }),
  );
  const arns: string[] = [];
  for (const c of clients) {
    const client = access.kafka(c.account, REGION);
    const made = await client.send(
      new CreateVpcConnectionCommand({ TargetClusterArn: clusterArn, Authentication: c.authentication, ...vpcOf(c.account) }),
    );
    const arn = made.VpcConnectionArn ?? "";
    await eventually(async () => (await client.send(new DescribeVpcConnectionCommand({ Arn: arn }))).State === "AVAILABLE");
    arns.push(arn);
  }
  return arns;
}
