import type { Page } from "@playwright/test";

import type { ClientLocation } from "../lib/domain/request-input";
import { expect, fileTheForm, fillVpcRequestForm, ORDERS_PROD, test, unique } from "./fixtures";
import { approveInUi, changeSteps, confirmWithReason, expectSettled, fileViaApi, statusBadge } from "./lifecycle";
import { sandboxDiff, sandboxState } from "./sandbox";

// Every scenario end to end in the browser against the sandbox AWS: filed, approved, built, connected to,
// decommissioned, and AWS left as it was. The scenarios share the one sandbox and compare whole snapshots, so
// they run one after another (and the "aws" project runs alone; see playwright.config.ts).
test.describe.configure({ mode: "serial" });

const PRIVATE_IAM_BROKERS = [1, 2, 3].map((n) => `b-${n}.ordersprod.abc123.c2.kafka.us-east-1.amazonaws.com:9098`).join(",");
const BROKER_SG = "sg-0aaa0000000000001";
const MSK_ROUTE_TABLES = ["rtb-0aaa0000000000001", "rtb-0aaa0000000000002", "rtb-0aaa0000000000003"];

type Scenario = {
  name: string;
  title: string;
  client: ClientLocation;
  /** Filed through the form by Alice; the others through the JSON API with her token. */
  fileInUi?: (page: Page, justification: string) => Promise<void>;
  /** Lines in the change list, each of which ends "done". */
  steps: number;
  /** The sandbox while the request is ACTIVE, as lines added to the starting state (generated ids as `*`). */
  builds: string[];
};

/** The MSK VPC's three route tables send the client's range to the peering or the TGW. */
const mskRoutes = (cidr: string, target: string) => MSK_ROUTE_TABLES.map((rtb) => `+ route ${rtb} ${cidr} -> ${target}`);

const SCENARIOS: Scenario[] = [
  {
    name: "same-vpc",
    steps: 1,
    title: "Same VPC",
    client: { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] },
    // Nothing to route: only the brokers' group admits the client's group.
    builds: [`+ rule ${BROKER_SG} in tcp 9098-9098 111111111111/sg-0aaa0000000000002`],
  },
  {
    name: "cross-vpc",
    steps: 8,
    title: "Other VPC, same account and region",
    client: { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] },
    builds: [
      "+ peering vpc-0aaa0000000000001(dns) <-> vpc-0aaa0000000000002 active",
      ...mskRoutes("10.1.0.0/16", "pcx-*"),
      "+ route rtb-0aaa0000000000011 10.0.0.0/16 -> pcx-*",
      `+ rule ${BROKER_SG} in tcp 9098-9098 111111111111/sg-0aaa0000000000011`,
    ],
  },
  {
    name: "cross-region",
    steps: 8,
    title: "Same account, other region",
    client: { type: "aws-vpc", accountId: "111111111111", region: "us-west-2", vpcId: "vpc-0aaa0000000000003", securityGroupIds: ["sg-0aaa0000000000021"] },
    // A group in another Region cannot be referenced: the rule admits the client VPC's CIDR.
    builds: [
      "+ peering vpc-0aaa0000000000001(dns) <-> vpc-0aaa0000000000003 active",
      ...mskRoutes("10.2.0.0/16", "pcx-*"),
      "+ route rtb-0aaa0000000000021 10.0.0.0/16 -> pcx-*",
      `+ rule ${BROKER_SG} in tcp 9098-9098 10.2.0.0/16`,
    ],
  },
  {
    name: "cross-account",
    steps: 9,
    title: "Other AWS account",
    client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
    fileInUi: async (page, justification) => {
      await fillVpcRequestForm(page, { accountId: "222222222222", vpcId: "vpc-0bbb0000000000001", securityGroups: "sg-0bbb0000000000001", justification });
      await expect(page.getByTestId("detected-scenario")).toContainText("Other AWS account");
    },
    builds: [
      "+ peering vpc-0aaa0000000000001(dns) <-> vpc-0bbb0000000000001 active",
      ...mskRoutes("10.20.0.0/16", "pcx-*"),
      "+ route rtb-0bbb0000000000001 10.0.0.0/16 -> pcx-*",
      "+ route rtb-0bbb0000000000002 10.0.0.0/16 -> pcx-*",
      `+ rule ${BROKER_SG} in tcp 9098-9098 222222222222/sg-0bbb0000000000001`,
    ],
  },
  {
    name: "on-prem",
    // The demo TGW keeps AWS's default route tables: two of these take the new attachment off them.
    steps: 11,
    title: "On-premises",
    client: { type: "on-prem", cidrs: ["192.168.10.0/24"] },
    fileInUi: async (page, justification) => {
      await page.goto("/requests/new");
      const cluster = page.getByLabel("MSK cluster");
      await cluster.selectOption((await cluster.locator("option", { hasText: ORDERS_PROD }).getAttribute("value")) ?? "");
      await page.getByRole("radio", { name: /On-premises/ }).check();
      await page.getByLabel("On-premises CIDRs").fill("192.168.10.0/24");
      await page.getByLabel("Justification", { exact: true }).fill(justification);
      await expect(page.getByTestId("detected-scenario")).toContainText("On-premises");
    },
    // The transit account shares its TGW with the MSK account, which attaches its VPC, propagates it to the
    // Direct Connect side, routes the data centre's range to the TGW and admits it on the brokers' port.
    builds: [
      "+ share arn:aws:ec2:us-east-1:333333333333:transit-gateway/tgw-0ccc0000000000001 -> 111111111111",
      "+ tgw-attachment vpc vpc-0aaa0000000000001 available tgw-rtb-0ccc0000000000002",
      "+ propagation tgw-rtb-0ccc0000000000001 vpc:vpc-0aaa0000000000001",
      ...mskRoutes("192.168.10.0/24", "tgw-0ccc0000000000001"),
      `+ rule ${BROKER_SG} in tcp 9098-9098 192.168.10.0/24`,
    ],
  },
  {
    name: "saas",
    steps: 2,
    title: "SaaS provider",
    client: { type: "saas", accountId: "444444444444", providerName: "StreamCo" },
    // No network of ours changes: multi-VPC connectivity is switched on and the policy lets the provider connect.
    builds: ["+ cluster orders-prod policy grants arn:aws:iam::444444444444:root", "~ cluster orders-prod multi-VPC iam on"],
  },
];

for (const scenario of SCENARIOS) {
  test(`${scenario.name}: approved, built, connected to, decommissioned, and AWS as before`, async ({ pageAs, request, tokenFor }) => {
    const before = await sandboxState();
    const alice = await pageAs("alice");
    let id: string;
    if (scenario.fileInUi) {
      await scenario.fileInUi(alice, unique(`${scenario.name}: the client reads order events`));
      await fileTheForm(alice);
      id = new URL(alice.url()).pathname.split("/").pop() ?? "";
      await expect(statusBadge(alice)).toHaveText("Awaiting approval");
    } else {
      id = await fileViaApi(request, await tokenFor("alice"), scenario.client, scenario.name);
    }

    const bob = await pageAs("bob");
    await approveInUi(bob, id);
    await expect(bob.getByTestId("scenario")).toHaveText(scenario.title);
    // Bob does nothing more: the page follows the provisioner by itself until the connection is up.
    await expect(bob.getByTestId("live-refresh")).toBeVisible();
    await expectSettled(bob, "ACTIVE", "Active");
    const steps = changeSteps(bob);
    await expect(steps).toHaveCount(scenario.steps);
    for (const step of await steps.all()) await expect(step.locator("[data-step-status]")).toHaveText("done");

    const connect = bob.getByTestId("connection-details");
    await expect(bob.getByRole("heading", { name: "Connect your client" })).toBeVisible();
    if (scenario.client.type === "saas") {
      // The provider connects through its own VPC connection: the private brokers (9098) are not for it, and the
      // multi-VPC strings are not in the plan, so the page leaves the address to fill in rather than guess.
      await expect(connect).not.toContainText(":9098");
      await expect(connect).toContainText(/bootstrap\.servers=(\$\{BOOTSTRAP_SERVERS\}|b-1\.ordersprod\.[^\s]+:1400\d)/);
    } else {
      await expect(connect.locator("pre").first()).toHaveText(PRIVATE_IAM_BROKERS);
      await expect(connect).toContainText(`bootstrap.servers=${PRIVATE_IAM_BROKERS}`);
      await expect(connect).toContainText("sasl.mechanism=AWS_MSK_IAM");
    }

    expect(sandboxDiff(before, await sandboxState())).toEqual([...scenario.builds].sort());

    // The requester no longer needs it.
    await alice.goto(`/requests/${id}`);
    await expect(statusBadge(alice)).toHaveText("Active");
    await confirmWithReason(alice, "Decommission", "The consumer moved to the new cluster");
    await expectSettled(alice, "DECOMMISSIONED", "Decommissioned");
    await expect(alice.getByTestId("connection-details")).toHaveCount(0);
    // Turning multi-VPC connectivity off is a broker update of its own that ends a moment later.
    await expect.poll(async () => sandboxDiff(before, await sandboxState()), { timeout: 10_000 }).toEqual([]);
  });
}
