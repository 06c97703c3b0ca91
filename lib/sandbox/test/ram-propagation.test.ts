import { CreateTransitGatewayVpcAttachmentCommand, DescribeTransitGatewaysCommand } from "@aws-sdk/client-ec2";
import { CreateResourceShareCommand } from "@aws-sdk/client-ram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, startHarness, UNRESTRICTED_TOPOLOGY, type Harness } from "./harness";

const TGW = "tgw-0ccc0000000000001";
const TGW_ARN = `arn:aws:ec2:us-east-1:${ACCOUNTS.transit}:transit-gateway/${TGW}`;

let h: Harness;
beforeAll(async () => {
  // 5 minutes of AWS time, 300 ms at this scale.
  h = await startHarness({ topology: { ...UNRESTRICTED_TOPOLOGY, sharePropagationMs: 300_000 } });
});
afterAll(() => h.sandbox.close());

// AWS RAM user guide: RAM follows an eventual consistency model, so a share reaches the principal a while
// after the call that made it.
describe("RAM share propagation (opt-in sharePropagationMs)", () => {
  it("the principal sees the shared TGW only after the delay, and NotFound meanwhile", async () => {
    const ram = h.ram(await h.assume(ACCOUNTS.transit));
    await ram.send(new CreateResourceShareCommand({ name: "hub", resourceArns: [TGW_ARN], principals: [ACCOUNTS.apps] }));
    const apps = h.ec2(await h.assume(ACCOUNTS.apps));
    const attach = () =>
      apps.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: "vpc-0bbb0000000000001", SubnetIds: ["subnet-0bbb0000000000001"] }));
    expect((await errorOf(attach())).name).toBe("InvalidTransitGatewayID.NotFound");
    expect((await apps.send(new DescribeTransitGatewaysCommand({}))).TransitGateways ?? []).toEqual([]);
    const seen = await eventually(
      () => apps.send(new DescribeTransitGatewaysCommand({})),
      (out) => (out.TransitGateways ?? []).length > 0,
    );
    expect(seen.TransitGateways?.map((t) => t.TransitGatewayId)).toEqual([TGW]);
    expect((await attach()).TransitGatewayVpcAttachment?.TransitGatewayId).toBe(TGW);
  });
});
