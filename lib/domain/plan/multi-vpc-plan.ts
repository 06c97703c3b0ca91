import { parseClusterArn } from "../cluster-arn";
import { portsFromBootstrapString } from "../ports";
import type { AuthMode, ClientLocation } from "../request-input";
import type { ClientFacts, MultiVpcAuthMode, PolicyStatement } from "./facts";
import { addFinding, addReuse, addStep, ref } from "./draft";
import { accountPrincipal, mergePolicy, policyContains, VPC_CONNECTION_ACTIONS } from "./cluster-policy";
import { clientDataStatements } from "./iam-policy";
import { AWS_RULES } from "./rules";
import { checkClusterForMultiVpc } from "./multi-vpc-preconditions";
import { checkConnectionZones, connectionSubnets } from "./multi-vpc-subnets";
import { CONNECTION_SG_KEY, MULTI_VPC_PORT_RANGE, multiVpcPortRange, planConnectionSg } from "./multi-vpc-sg";
import { kafkaTags } from "./tags";
import type { PlanContext } from "./context";
import { MULTI_VPC_BOOTSTRAP_FIELD } from "./client-settings";

const VPC_CONNECTION_AUTH: Record<MultiVpcAuthMode, string> = { iam: "SASL_IAM", scram: "SASL_SCRAM", tls: "TLS" };

export function multiVpcModes(modes: readonly AuthMode[]): MultiVpcAuthMode[] {
  return modes.filter((m): m is MultiVpcAuthMode => m !== "plaintext");
}

/** The range multi-VPC connectivity uses, with any port a bootstrap string shows outside it. */
export function multiVpcPorts(ctx: PlanContext): number[] {
  const shown = multiVpcModes(ctx.input.request.authModes).flatMap((m) =>
    portsFromBootstrapString(ctx.cluster.bootstrap[MULTI_VPC_BOOTSTRAP_FIELD[m]]),
  );
  return [...new Set([...multiVpcPortRange(), ...shown])].sort((a, b) => a - b);
}

/** SaaS providers, or a VPC client that chose multi-VPC private connectivity (PrivateLink). */
export function planMultiVpc(ctx: PlanContext, location: ClientLocation, client: ClientFacts | null): void {
  const { cluster, draft, platform, requestId } = ctx;
  const requested = ctx.input.request.authModes;
  const modes = multiVpcModes(requested);
  const partition = parseClusterArn(cluster.arn)?.partition ?? "aws";
  const principalAccount = location.type === "on-prem" ? null : location.accountId;

  if (requested.includes("plaintext")) {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-plaintext",
      message: "Multi-VPC private connectivity does not carry plaintext (unauthenticated) traffic",
      remedy: "Ask for IAM, SASL/SCRAM or TLS authentication instead",
      rule: AWS_RULES.mvpcAuth,
    });
  }
  if (!kafkaVersionAtLeast(cluster.kafkaVersion, [2, 7, 1])) {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-kafka-version",
      message: `The cluster runs Apache Kafka ${cluster.kafkaVersion}; multi-VPC private connectivity needs 2.7.1 or later`,
      remedy: "Upgrade the cluster's Kafka version first",
      rule: AWS_RULES.mvpcRequirements,
    });
  }
  if (cluster.instanceType === "kafka.t3.small") {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-instance-type",
      message: "Multi-VPC private connectivity is not available on kafka.t3.small brokers",
      remedy: "Move the cluster to a larger broker type",
      rule: AWS_RULES.mvpcRequirements,
    });
  }
  checkClusterForMultiVpc(ctx, modes);
  if (client) checkClientForMultiVpc(ctx, client);

  const toEnable = modes.filter((m) => !cluster.multiVpc[m]);
  const clusterPlace = { account: cluster.accountId, region: cluster.region };
  for (const m of modes.filter((mode) => cluster.multiVpc[mode])) addReuse(draft, `${cluster.arn}#${m}`, clusterPlace);
  const enableKeys: string[] = [];
  if (toEnable.length > 0) {
    const after = (m: MultiVpcAuthMode) => cluster.multiVpc[m] || toEnable.includes(m);
    const before = (m: MultiVpcAuthMode) => cluster.multiVpc[m];
    const connectivity = (on: (m: MultiVpcAuthMode) => boolean) => ({
      VpcConnectivity: {
        ClientAuthentication: {
          Sasl: { Iam: { Enabled: on("iam") }, Scram: { Enabled: on("scram") } },
          Tls: { Enabled: on("tls") },
        },
      },
    });
    const key = "enable-multi-vpc-connectivity";
    addStep(draft, {
      key,
      kind: "enable-multi-vpc-connectivity",
      account: cluster.accountId,
      region: cluster.region,
      command: "UpdateConnectivityCommand",
      input: { ClusterArn: cluster.arn, CurrentVersion: cluster.currentVersion, ConnectivityInfo: connectivity(after) },
      dependsOn: [],
      creates: { type: "msk-multi-vpc-connectivity", ref: toEnable.join(",") },
      // The version changes with the update; "cluster.CurrentVersion" is read from DescribeClusterV2 when undoing.
      undo: {
        command: "UpdateConnectivityCommand",
        input: { ClusterArn: cluster.arn, CurrentVersion: { $ref: "cluster.CurrentVersion" }, ConnectivityInfo: connectivity(before) },
      },
      summary: `turn on multi-VPC private connectivity for ${toEnable.join(", ")} on ${cluster.name} (cluster, ${cluster.region})`,
    });
    enableKeys.push(key);
    addFinding(draft, {
      severity: "warn",
      code: "multi-vpc-reboot",
      message: `Turning on multi-VPC connectivity for ${toEnable.join(", ")} updates every broker of ${cluster.name}; it takes 30 minutes or more`,
      remedy: "Approve in a maintenance window; clients reconnect as brokers restart one by one",
      rule: AWS_RULES.mvpcReboot,
    });
  }

  const policyKeys: string[] = [];
  if (principalAccount && principalAccount !== cluster.accountId) {
    const principal = { AWS: accountPrincipal(partition, principalAccount) };
    const ours: PolicyStatement[] = [
      {
        Sid: `MskPortalVpcConnection${principalAccount}`,
        Effect: "Allow",
        Principal: principal,
        Action: VPC_CONNECTION_ACTIONS,
        Resource: cluster.arn,
      },
      // Cross-account IAM clients also need the cluster policy to grant the data-plane actions.
      ...(modes.includes("iam")
        ? clientDataStatements(cluster.arn, ctx.input.request.topicAccess, `MskPortalIam${principalAccount}`).map((s) => ({
            ...s,
            Principal: principal,
          }))
        : []),
    ];
    const existing = cluster.clusterPolicy;
    if (policyContains(existing?.policy ?? null, ours)) {
      for (const s of ours) addReuse(draft, s.Sid ? `${cluster.arn}#${s.Sid}` : null, { account: cluster.accountId, region: cluster.region });
    }
    if (!policyContains(existing?.policy ?? null, ours)) {
      const key = "put-cluster-policy";
      addStep(draft, {
        key,
        kind: "put-cluster-policy",
        account: cluster.accountId,
        region: cluster.region,
        command: "PutClusterPolicyCommand",
        input: {
          ClusterArn: cluster.arn,
          Policy: JSON.stringify(mergePolicy(existing?.policy ?? null, ours)),
          ...(existing ? { CurrentVersion: existing.currentVersion } : {}),
        },
        dependsOn: enableKeys,
        creates: { type: "msk-cluster-policy-statement", ref: `MskPortalVpcConnection${principalAccount}` },
        undo: existing
          ? {
              command: "PutClusterPolicyCommand",
              input: { ClusterArn: cluster.arn, Policy: JSON.stringify(existing.policy), CurrentVersion: ref(key, "CurrentVersion") },
            }
          : { command: "DeleteClusterPolicyCommand", input: { ClusterArn: cluster.arn } },
        summary: `let account ${principalAccount} create VPC connections to ${cluster.name} in the cluster policy (cluster, ${cluster.region})`,
      });
      policyKeys.push(key);
    }
  }

  if (client) {
    const sgKey = planConnectionSg(ctx, client);
    for (const mode of modes) {
      const key = `create-vpc-connection:${mode}`;
      addStep(draft, {
        key,
        kind: "create-vpc-connection",
        account: client.accountId,
        region: client.region,
        command: "CreateVpcConnectionCommand",
        input: {
          TargetClusterArn: cluster.arn,
          Authentication: VPC_CONNECTION_AUTH[mode],
          VpcId: client.vpcId,
          ClientSubnets: connectionSubnets(client, cluster).map((s) => s.subnetId),
          SecurityGroups: [ref(CONNECTION_SG_KEY, "GroupId")],
          Tags: kafkaTags(platform, requestId, key),
        },
        dependsOn: [...enableKeys, ...policyKeys, sgKey],
        creates: { type: "msk-vpc-connection", ref: `${key}.VpcConnectionArn` },
        undo: { command: "DeleteVpcConnectionCommand", input: { Arn: ref(key, "VpcConnectionArn") } },
        summary: `create a ${VPC_CONNECTION_AUTH[mode]} VPC connection from ${client.vpcId} to ${cluster.name} (client ${client.accountId}, ${client.region})`,
      });
    }
    if (modes.length > 1) {
      addFinding(draft, {
        severity: "info",
        code: "multi-vpc-one-scheme-per-connection",
        message: `A VPC connection carries one authentication scheme, so the plan makes ${modes.length}`,
        remedy: "Ask for one authentication mode if the client needs only one",
        rule: AWS_RULES.mvpcOneScheme,
      });
    }
    addFinding(draft, {
      severity: "info",
      code: "multi-vpc-client-sg",
      message: `The VPC connections get a security group of their own in ${client.vpcId}, admitting tcp ${MULTI_VPC_PORT_RANGE.from}-${MULTI_VPC_PORT_RANGE.to} (one port per broker) from the client`,
      remedy: "Nothing to do; it is deleted with the connections",
      rule: AWS_RULES.mvpcPorts,
    });
  } else if (location.type === "saas") {
    addFinding(draft, {
      severity: "info",
      code: "saas-handover",
      message: `Give ${location.providerName} the cluster ARN ${cluster.arn}; they call CreateVpcConnection from account ${location.accountId} in ${cluster.region}`,
      remedy: "The portal watches ListClientVpcConnections and can reject a connection it did not expect",
      rule: AWS_RULES.clusterPolicy,
    });
  }
}

function checkClientForMultiVpc(ctx: PlanContext, client: ClientFacts): void {
  const { cluster, draft } = ctx;
  if (client.region !== cluster.region) {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-other-region",
      message: `The client VPC is in ${client.region}; multi-VPC private connectivity reaches only clients in ${cluster.region}`,
      remedy: "Use VPC peering across Regions, or run the client in the cluster's Region",
      rule: AWS_RULES.mvpcRegion,
    });
  }
  checkConnectionZones(draft, client, cluster);
  if (!client.dnsHostnames || !client.dnsSupport) {
    addFinding(draft, {
      severity: "warn",
      code: client.dnsSupport ? "dns-hostnames-off" : "dns-resolution-off",
      message: `DNS hostnames and resolution must be on in ${client.vpcId} for the VPC connection's private names`,
      remedy: `Turn on enableDnsHostnames and enableDnsSupport on ${client.vpcId}`,
    });
  }
}

export function kafkaVersionAtLeast(version: string, min: readonly number[]): boolean {
  const parts = version.split(".").map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < min.length; i += 1) {
    const have = Number.isNaN(parts[i] ?? NaN) ? 0 : (parts[i] ?? 0);
    const want = min[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}
