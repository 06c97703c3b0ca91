import {
  CreateTagsCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { ListClustersV2Command } from "@aws-sdk/client-kafka";
import { CreateResourceShareCommand } from "@aws-sdk/client-ram";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "../index";
import { ACCOUNTS, errorOf, startHarness, type Credentials, type Harness } from "./harness";

type CallRecord = { operation: string; account: string; errorCode?: string; actions?: string[] };

const TAGS = [{ ResourceType: "vpc-peering-connection" as const, Tags: [{ Key: "k", Value: "v" }] }];
const peering = (tags?: typeof TAGS) =>
  new CreateVpcPeeringConnectionCommand({
    VpcId: "vpc-0aaa0000000000001",
    PeerVpcId: "vpc-0aaa0000000000002",
    TagSpecifications: tags,
  });

// The MSK account's role may describe, create peerings and tag only what CreateVpcPeeringConnection creates.
const MSK_POLICY = {
  Version: "2012-10-17" as const,
  Statement: [
    {
      Effect: "Allow" as const,
      Action: ["ec2:Describe*", "ec2:CreateVpcPeeringConnection", "ec2:CreateTransitGatewayVpcAttachment"],
      Resource: "*",
    },
    {
      Effect: "Allow" as const,
      Action: "ec2:CreateTags",
      Resource: "*",
      Condition: { StringEquals: { "ec2:CreateAction": "CreateVpcPeeringConnection" } },
    },
    { Effect: "Deny" as const, Action: "ec2:DescribeVpcs", Resource: "*" },
  ],
};

function topology(): SandboxTopology {
  return {
    ...DEFAULT_TOPOLOGY,
    accounts: DEFAULT_TOPOLOGY.accounts.map((a) =>
      a.id === ACCOUNTS.msk ? { ...a, roleKind: undefined, rolePolicy: MSK_POLICY } : a,
    ),
  };
}

let h: Harness;
let msk: Credentials;
let transit: Credentials;
beforeAll(async () => {
  h = await startHarness({ topology: topology() });
  msk = await h.assume(ACCOUNTS.msk);
  transit = await h.assume(ACCOUNTS.transit);
});
afterAll(() => h.sandbox.close());

const calls = async () => (await h.control("GET", "/_sandbox/calls")) as CallRecord[];

// IAM user guide, "Policy evaluation logic": an explicit deny wins; without an allow the request is denied.
// EC2 answers UnauthorizedOperation (403); RAM and MSK, REST-JSON services, AccessDeniedException (403).
describe("role policies", () => {
  it("refuses an action the role's policy does not allow, in each protocol's own error", async () => {
    const ec2 = await errorOf(h.ec2(msk).send(new DescribeVpcsCommand({})));
    expect(ec2).toMatchObject({ name: "UnauthorizedOperation", status: 403 });
    expect(ec2.message).toContain(
      "assumed-role/MskConnectivityPortal/conformance is not authorized to perform: ec2:DescribeVpcs",
    );
    const kafka = await errorOf(h.kafka(msk).send(new ListClustersV2Command({})));
    expect(kafka).toMatchObject({ name: "AccessDeniedException", status: 403 });
    expect(kafka.message).toContain("kafka:ListClustersV2");
  });

  it("lets a kind's role do what the role kit grants it and nothing else", async () => {
    // The transit account has the kit's transit policy: it reads TGWs but creates no peering.
    await expect(h.ec2(transit).send(new DescribeVpcPeeringConnectionsCommand({}))).rejects.toMatchObject({
      name: "UnauthorizedOperation",
    });
    await h.ram(transit).send(new CreateResourceShareCommand({ name: "x", tags: [{ key: "k", value: "v" }] }));
    // RAM authorises a new share's tags as ram:TagResource.
    expect((await calls()).at(-1)?.actions).toEqual(["ram:CreateResourceShare", "ram:TagResource"]);
  });

  // EC2 user guide, "Grant permission to tag resources during creation".
  it("authorises tags on create as ec2:CreateTags with ec2:CreateAction, and plain CreateTags is refused", async () => {
    await expect(h.ec2(msk).send(peering(TAGS))).resolves.toBeDefined();
    const log = await calls();
    expect(log.at(-1)?.actions).toEqual(["ec2:CreateVpcPeeringConnection", "ec2:CreateTags"]);
    const direct = await errorOf(
      h.ec2(msk).send(new CreateTagsCommand({ Resources: ["vpc-0aaa0000000000001"], Tags: [{ Key: "k", Value: "v" }] })),
    );
    expect(direct.name).toBe("UnauthorizedOperation");
  });

  // Transit Gateway guide, "Service-linked roles": made on the account's first VPC attachment.
  it("needs iam:CreateServiceLinkedRole for an account's first TGW attachment", async () => {
    const first = await errorOf(
      h
        .ec2(msk)
        .send(
          new CreateTransitGatewayVpcAttachmentCommand({
            TransitGatewayId: "tgw-0ccc0000000000001",
            VpcId: "vpc-0aaa0000000000001",
            SubnetIds: ["subnet-0aaa0000000000001"],
          }),
        ),
    );
    expect(first.name).toBe("UnauthorizedOperation");
    expect(first.message).toContain("iam:CreateServiceLinkedRole");
  });

  // The policy is the portal role's: an account's own engineers change their network with their own role.
  it("applies the portal role's policy to that role only, not to the account engineers' own role", async () => {
    const out = await h.sts().send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNTS.msk}:role/OrganizationAccountAccessRole`, RoleSessionName: "team" }),
    );
    const c = out.Credentials;
    const engineer = { accessKeyId: c?.AccessKeyId ?? "", secretAccessKey: c?.SecretAccessKey ?? "", sessionToken: c?.SessionToken };
    await expect(h.ec2(engineer).send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    const other = await errorOf(
      h.sts().send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNTS.msk}:role/SomeoneElse`, RoleSessionName: "x" })),
    );
    expect(other.name).toBe("AccessDenied");
  });
});

// EC2 API reference, "DryRun": DryRunOperation when the call would have succeeded, UnauthorizedOperation
// when the caller lacks the permission; nothing is changed.
describe("DryRun", () => {
  it("answers DryRunOperation for a call that would succeed, and changes nothing", async () => {
    const before = await h.ec2(msk).send(new DescribeVpcPeeringConnectionsCommand({}));
    const dry = await errorOf(h.ec2(msk).send(new CreateVpcPeeringConnectionCommand({ ...peering().input, DryRun: true })));
    expect(dry).toMatchObject({ name: "DryRunOperation", status: 412 });
    const after = await h.ec2(msk).send(new DescribeVpcPeeringConnectionsCommand({}));
    expect(after.VpcPeeringConnections).toHaveLength(before.VpcPeeringConnections?.length ?? 0);
  });

  it("answers UnauthorizedOperation before anything else, and the real error for a call that would fail", async () => {
    const unauthorised = await errorOf(h.ec2(msk).send(new CreateTagsCommand({ Resources: ["vpc-x"], Tags: [], DryRun: true })));
    expect(unauthorised.name).toBe("UnauthorizedOperation");
    const failing = await errorOf(
      h
        .ec2(msk)
        .send(
          new CreateVpcPeeringConnectionCommand({
            VpcId: "vpc-0aaa0000000000001",
            PeerVpcId: "vpc-0fffffffffffffff9",
            DryRun: true,
          }),
        ),
    );
    expect(failing.name).not.toBe("DryRunOperation");
    expect(failing.name).not.toBe("UnauthorizedOperation");
  });
});
