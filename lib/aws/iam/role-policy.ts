import { SIDES_OF, type KitAccountKind } from "./account-kinds";
import { TGW_SERVICE_NAME } from "./iam-actions";
import { neededActions, type NeededAction } from "./needed-actions";

/**
 * An IAM policy document. Strings may hold `${AWS::Partition}` and `${AWS::AccountId}`, written as
 * CloudFormation writes them; each renderer substitutes them its own way.
 */
export type PolicyStatement = {
  Sid: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
export type PolicyDocument = { Version: "2012-10-17"; Statement: PolicyStatement[] };

/** The portal's own tag on what it creates (PlatformSettings.tagKeyRequestId's default). */
export const REQUEST_TAG_KEY = "msk-portal:request-id";

const ARN = "arn:${AWS::Partition}";
const isRead = (action: string) => /^[a-z0-9]+:(Describe|Get|List|Search)/.test(action);

// MSK cluster-level actions authorise against the cluster ARN (MSK service authorization reference), so
// they can be limited to this account's clusters. ListClustersV2 has no resource and stays on "*".
const CLUSTER_ACTIONS = new Set([
  "kafka:DescribeClusterV2",
  "kafka:GetBootstrapBrokers",
  "kafka:GetClusterPolicy",
  "kafka:PutClusterPolicy",
  "kafka:DeleteClusterPolicy",
  "kafka:UpdateConnectivity",
  "kafka:ListClientVpcConnections",
  "kafka:RejectClientVpcConnection",
]);

// Only what the portal itself created carries its request tag; deleting it can be limited to that tag.
const DELETES_OF_OWN = new Set([
  "ec2:DeleteVpcPeeringConnection",
  "ec2:DeleteTransitGatewayVpcAttachment",
  "ec2:DeleteNetworkInterface",
  "ec2:DeleteNetworkInsightsPath",
  "ec2:DeleteNetworkInsightsAnalysis",
]);

type Group = { sid: string; actions: NeededAction[] };

function groupOf(n: NeededAction): string {
  if (n.action === "ec2:CreateTags") return "TagOnCreate";
  if (n.action === "iam:CreateServiceLinkedRole") return "TransitGatewayServiceLinkedRole";
  if (n.action.startsWith("tiros:") || /^ec2:(CreateNetworkInsightsPath|StartNetworkInsightsAnalysis)$/.test(n.action)) return "PathAnalysis";
  if (CLUSTER_ACTIONS.has(n.action)) return "OwnClusters";
  if (DELETES_OF_OWN.has(n.action)) return "DeleteWhatThePortalCreated";
  if (isRead(n.action)) return "Discover";
  if (n.action.startsWith("ram:")) return "ShareTransitGateway";
  if (n.action.startsWith("kafka:")) return "ClientVpcConnections";
  return "ChangeNetwork";
}

function statementOf(group: Group): PolicyStatement {
  const Action = group.actions.map((a) => a.action);
  switch (group.sid) {
    case "TagOnCreate":
      return {
        Sid: group.sid,
        Effect: "Allow",
        Action,
        Resource: "*",
        Condition: {
          StringEquals: {
            "ec2:CreateAction": [
              ...new Set(group.actions.flatMap((a) => a.implied.map((i) => i.context?.["ec2:CreateAction"] ?? ""))),
            ]
              .filter(Boolean)
              .sort(),
          },
        },
      };
    case "TransitGatewayServiceLinkedRole":
      return {
        Sid: group.sid,
        Effect: "Allow",
        Action,
        Resource: `${ARN}:iam::\${AWS::AccountId}:role/aws-service-role/${TGW_SERVICE_NAME}/AWSServiceRoleForVPCTransitGateway`,
        Condition: { StringEquals: { "iam:AWSServiceName": TGW_SERVICE_NAME } },
      };
    case "OwnClusters":
      return { Sid: group.sid, Effect: "Allow", Action, Resource: `${ARN}:kafka:*:\${AWS::AccountId}:cluster/*` };
    case "DeleteWhatThePortalCreated":
      return {
        Sid: group.sid,
        Effect: "Allow",
        Action,
        Resource: "*",
        Condition: { Null: { [`aws:ResourceTag/${REQUEST_TAG_KEY}`]: "false" } },
      };
    // Describe calls take no resource-level permissions; route tables and security groups the portal
    // changes are the platform's own and carry no portal tag; a RAM share and an MSK VPC connection have no
    // ARN before they exist, and a VPC connection targets a cluster in another account. So: "*".
    default:
      return { Sid: group.sid, Effect: "Allow", Action, Resource: "*" };
  }
}

const ORDER = [
  "Discover",
  "OwnClusters",
  "ChangeNetwork",
  "DeleteWhatThePortalCreated",
  "TagOnCreate",
  "TransitGatewayServiceLinkedRole",
  "PathAnalysis",
  "ShareTransitGateway",
  "ClientVpcConnections",
];

/** The least-privilege policy of the portal's role in an account of this kind. */
export function rolePolicyFor(kind: KitAccountKind): PolicyDocument {
  const groups = new Map<string, Group>();
  for (const needed of neededActions(SIDES_OF[kind])) {
    const sid = groupOf(needed);
    const group = groups.get(sid) ?? { sid, actions: [] };
    group.actions.push(needed);
    groups.set(sid, group);
  }
  const Statement = ORDER.flatMap((sid) => {
    const group = groups.get(sid);
    return group ? [statementOf(group)] : [];
  });
  return { Version: "2012-10-17", Statement };
}

export const ROLE_POLICIES: Record<KitAccountKind, PolicyDocument> = {
  "cluster-owner": rolePolicyFor("cluster-owner"),
  application: rolePolicyFor("application"),
  transit: rolePolicyFor("transit"),
};
