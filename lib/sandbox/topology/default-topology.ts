import type { SandboxTopology } from "./schema";

/**
 * The seeded world every scenario of the portal can be demonstrated in. The portal's demo
 * data depends on these exact ids; README.md explains what each account and VPC is for.
 */
export const DEFAULT_TOPOLOGY = {
  portalAccountId: "999999999999",
  // The cluster owner's account is a delegated administrator for Reachability Analyzer, so the portal can
  // analyse paths from other accounts' clients to its brokers.
  organizations: [
    {
      id: "o-portal0001",
      ramSharingEnabled: true,
      reachabilityAnalyzer: { trustedAccess: true, delegatedAdministrators: ["111111111111"] },
    },
  ],
  accounts: [
    {
      id: "111111111111",
      name: "platform-msk",
      roleKind: "cluster-owner",
      organizationId: "o-portal0001",
      vpcs: [
        {
          id: "vpc-0aaa0000000000001",
          region: "us-east-1",
          cidrBlock: "10.0.0.0/16",
          tags: { Name: "msk-prod" },
          routeTables: [
            { id: "rtb-0aaa0000000000001", main: true, tags: { Name: "msk-az1" } },
            { id: "rtb-0aaa0000000000002", tags: { Name: "msk-az2" } },
            { id: "rtb-0aaa0000000000003", tags: { Name: "msk-az3" } },
          ],
          subnets: [
            { id: "subnet-0aaa0000000000001", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa0000000000001", tags: { Name: "msk-broker-a" } },
            { id: "subnet-0aaa0000000000002", cidrBlock: "10.0.2.0/24", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2", routeTableId: "rtb-0aaa0000000000002", tags: { Name: "msk-broker-b" } },
            { id: "subnet-0aaa0000000000003", cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1c", availabilityZoneId: "use1-az4", routeTableId: "rtb-0aaa0000000000003", tags: { Name: "msk-broker-c" } },
            { id: "subnet-0aaa0000000000004", cidrBlock: "10.0.4.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa0000000000001", tags: { Name: "same-vpc-app" } },
          ],
          securityGroups: [
            { id: "sg-0aaa0000000000001", name: "msk-brokers", description: "MSK broker security group" },
            { id: "sg-0aaa0000000000002", name: "same-vpc-client", description: "Client in the MSK VPC" },
          ],
        },
        {
          id: "vpc-0aaa0000000000002",
          region: "us-east-1",
          cidrBlock: "10.1.0.0/16",
          tags: { Name: "platform-apps" },
          routeTables: [{ id: "rtb-0aaa0000000000011", main: true }],
          subnets: [
            { id: "subnet-0aaa0000000000011", cidrBlock: "10.1.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa0000000000011" },
            { id: "subnet-0aaa0000000000012", cidrBlock: "10.1.2.0/24", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2", routeTableId: "rtb-0aaa0000000000011" },
          ],
          securityGroups: [{ id: "sg-0aaa0000000000011", name: "platform-apps", description: "Cross-VPC client" }],
        },
        {
          id: "vpc-0aaa0000000000003",
          region: "us-west-2",
          cidrBlock: "10.2.0.0/16",
          tags: { Name: "platform-west" },
          routeTables: [{ id: "rtb-0aaa0000000000021", main: true }],
          subnets: [
            { id: "subnet-0aaa0000000000021", cidrBlock: "10.2.1.0/24", availabilityZone: "us-west-2a", availabilityZoneId: "usw2-az1", routeTableId: "rtb-0aaa0000000000021" },
          ],
          securityGroups: [{ id: "sg-0aaa0000000000021", name: "platform-west", description: "Cross-region client" }],
        },
      ],
      clusters: [
        {
          name: "orders-prod",
          arn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1",
          brokerSubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
          securityGroupIds: ["sg-0aaa0000000000001"],
          clientAuthentication: { iam: true, scram: true, tls: true },
          encryptionInTransit: "TLS",
          // SCRAM and mTLS clients are authorized by Kafka ACLs, which multi-VPC connectivity requires to deny by default.
          serverProperties: "auto.create.topics.enable=false\nallow.everyone.if.no.acl.found=false\n",
          dnsToken: "abc123",
          tags: { team: "orders" },
        },
        {
          name: "analytics-dev",
          arn: "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2",
          brokerSubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
          securityGroupIds: ["sg-0aaa0000000000001"],
          clientAuthentication: { iam: true, unauthenticated: true },
          encryptionInTransit: "TLS_PLAINTEXT",
          dnsToken: "def456",
          tags: { team: "analytics" },
        },
      ],
    },
    {
      id: "222222222222",
      name: "payments-apps",
      roleKind: "application",
      organizationId: "o-portal0001",
      vpcs: [
        {
          id: "vpc-0bbb0000000000001",
          region: "us-east-1",
          cidrBlock: "10.20.0.0/16",
          tags: { Name: "payments" },
          routeTables: [
            { id: "rtb-0bbb0000000000001", main: true },
            { id: "rtb-0bbb0000000000002" },
          ],
          subnets: [
            { id: "subnet-0bbb0000000000001", cidrBlock: "10.20.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0bbb0000000000001" },
            { id: "subnet-0bbb0000000000002", cidrBlock: "10.20.2.0/24", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2", routeTableId: "rtb-0bbb0000000000002" },
          ],
          securityGroups: [{ id: "sg-0bbb0000000000001", name: "payments-app", description: "Cross-account client" }],
        },
        {
          id: "vpc-0bbb0000000000002",
          region: "eu-west-1",
          cidrBlock: "10.30.0.0/16",
          tags: { Name: "payments-eu" },
          routeTables: [{ id: "rtb-0bbb0000000000011", main: true }],
          subnets: [
            { id: "subnet-0bbb0000000000011", cidrBlock: "10.30.1.0/24", availabilityZone: "eu-west-1a", availabilityZoneId: "euw1-az1", routeTableId: "rtb-0bbb0000000000011" },
          ],
          securityGroups: [{ id: "sg-0bbb0000000000011", name: "payments-eu", description: "Cross-account, cross-region client" }],
        },
        {
          id: "vpc-0bbb0000000000003",
          region: "us-east-1",
          cidrBlock: "10.0.0.0/16",
          tags: { Name: "payments-legacy-overlap" },
          routeTables: [{ id: "rtb-0bbb0000000000021", main: true }],
          subnets: [
            { id: "subnet-0bbb0000000000021", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0bbb0000000000021" },
          ],
          securityGroups: [{ id: "sg-0bbb0000000000021", name: "payments-legacy", description: "Overlapping CIDR client" }],
        },
        {
          id: "vpc-0bbb0000000000004",
          region: "us-east-1",
          cidrBlock: "10.21.0.0/16",
          enableDnsHostnames: false,
          tags: { Name: "payments-no-dns" },
          routeTables: [{ id: "rtb-0bbb0000000000031", main: true }],
          subnets: [
            { id: "subnet-0bbb0000000000031", cidrBlock: "10.21.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0bbb0000000000031" },
          ],
          securityGroups: [{ id: "sg-0bbb0000000000031", name: "payments-no-dns", description: "Client VPC without DNS hostnames" }],
        },
      ],
    },
    {
      id: "333333333333",
      name: "network-transit",
      roleKind: "transit",
      organizationId: "o-portal0001",
      transitGateways: [
        {
          id: "tgw-0ccc0000000000001",
          region: "us-east-1",
          description: "Hub for on-premises connectivity",
          amazonSideAsn: 64512,
          tags: { Name: "transit-hub" },
          // As CreateTransitGateway leaves it: every new attachment is associated with, and propagates into,
          // the default table AWS made, which the platform does not use; its own tables are on-prem and vpcs.
          defaultRouteTableAssociation: "enable",
          defaultRouteTablePropagation: "enable",
          associationDefaultRouteTableId: "tgw-rtb-0ccc0000000000003",
          propagationDefaultRouteTableId: "tgw-rtb-0ccc0000000000003",
          routeTables: [
            { id: "tgw-rtb-0ccc0000000000001", tags: { Name: "on-prem" } },
            { id: "tgw-rtb-0ccc0000000000002", tags: { Name: "vpcs" } },
            { id: "tgw-rtb-0ccc0000000000003" },
          ],
          directConnectGatewayAttachments: [
            {
              id: "tgw-attach-0ccc0000000000001",
              directConnectGatewayId: "5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
              associatedRouteTableId: "tgw-rtb-0ccc0000000000001",
              propagatesToRouteTableIds: ["tgw-rtb-0ccc0000000000002"],
              // What the data centre advertises over the transit VIF, propagated into the vpcs table.
              advertisedPrefixes: ["192.168.0.0/16", "172.16.0.0/16"],
              tags: { Name: "dx-gateway-datacenter" },
            },
          ],
        },
      ],
      // The DX gateway behind that attachment, owned here; its association advertises the MSK VPC
      // (10.0.0.0/16) to on-premises.
      directConnectGateways: [
        {
          id: "5f2e7a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
          name: "datacenter",
          amazonSideAsn: 64513,
          associations: [
            { id: "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f", transitGatewayId: "tgw-0ccc0000000000001", allowedPrefixes: ["10.0.0.0/16"] },
          ],
        },
      ],
    },
    {
      id: "444444444444",
      name: "streamco-saas",
      roleKind: "application",
      vpcs: [
        {
          id: "vpc-0ddd0000000000001",
          region: "us-east-1",
          cidrBlock: "10.0.0.0/16",
          tags: { Name: "streamco-connectors" },
          routeTables: [{ id: "rtb-0ddd0000000000001", main: true }],
          subnets: [
            { id: "subnet-0ddd0000000000001", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0ddd0000000000001" },
            { id: "subnet-0ddd0000000000002", cidrBlock: "10.0.2.0/24", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2", routeTableId: "rtb-0ddd0000000000001" },
          ],
          securityGroups: [{ id: "sg-0ddd0000000000001", name: "streamco-connectors", description: "SaaS provider connectors" }],
        },
      ],
    },
  ],
} satisfies SandboxTopology;
