import {
  AcceptTransitGatewayVpcAttachmentCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
} from "@aws-sdk/client-ec2";
import { CreateResourceShareCommand } from "@aws-sdk/client-ram";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeAwsError } from "../aws-errors";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { executorFor, type StepRecord } from "./step-executor";
import { executeUntilDone, undoUntilDone } from "./testing/drive";
import { ACCOUNTS, MSK_SUBNETS, MSK_VPC, TGW } from "./testing/fixtures";
import { checkLifecycle } from "./testing/lifecycle";
import { snapshot } from "./testing/sandbox-state";
import { planStep, REQUEST_ID, TAG_KEYS, testContext } from "./testing/step-context";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

const ourTags = (key: string) => [{ Key: TAG_KEYS.requestId, Value: REQUEST_ID }, { Key: TAG_KEYS.stepKey, Value: key }];
const ramTags = (key: string) => ourTags(key).map((t) => ({ key: t.Key, value: t.Value }));

const shareStep = (principal: string, external: boolean) =>
  planStep({
    key: `share-tgw:${principal}`,
    kind: "share-tgw",
    account: ACCOUNTS.transit,
    command: "CreateResourceShareCommand",
    input: {
      name: `msk-portal-${TGW.id}`,
      resourceArns: [TGW.arn],
      principals: [principal],
      allowExternalPrincipals: external,
      tags: ramTags(`share-tgw:${principal}`),
    },
  });
const associateShareStep = (shareArn: string, principal: string) =>
  planStep({
    key: `share-tgw:${principal}`,
    kind: "share-tgw",
    account: ACCOUNTS.transit,
    command: "AssociateResourceShareCommand",
    input: { resourceShareArn: shareArn, principals: [principal] },
  });
const attachStep = planStep({
  key: "attach-vpc-to-tgw:cluster",
  kind: "attach-vpc-to-tgw",
  account: ACCOUNTS.msk,
  command: "CreateTransitGatewayVpcAttachmentCommand",
  input: {
    TransitGatewayId: TGW.id,
    VpcId: MSK_VPC.id,
    SubnetIds: MSK_SUBNETS,
    Options: { DnsSupport: "enable", SecurityGroupReferencingSupport: "disable" },
    TagSpecifications: [{ ResourceType: "transit-gateway-attachment", Tags: ourTags("attach-vpc-to-tgw:cluster") }],
  },
});
const acceptAttachmentStep = (id: string) =>
  planStep({
    key: "accept-tgw-attachment:cluster",
    kind: "accept-tgw-attachment",
    account: ACCOUNTS.transit,
    command: "AcceptTransitGatewayVpcAttachmentCommand",
    input: { TransitGatewayAttachmentId: id },
  });
const tableStep = (kind: "associate-tgw-route-table" | "enable-tgw-propagation", table: string, attachmentId: string) =>
  planStep({
    key: `${kind}:cluster:${table}`,
    kind,
    account: ACCOUNTS.transit,
    command: kind === "associate-tgw-route-table" ? "AssociateTransitGatewayRouteTableCommand" : "EnableTransitGatewayRouteTablePropagationCommand",
    input: { TransitGatewayRouteTableId: table, TransitGatewayAttachmentId: attachmentId },
  });
/** The planner's steps that take a new attachment off the TGW's defaults: same kinds, the opposite command. */
const leaveDefaultStep = (kind: "associate-tgw-route-table" | "enable-tgw-propagation", attachmentId: string) =>
  planStep({
    key: kind === "associate-tgw-route-table" ? "disassociate-tgw-default-route-table:cluster" : "disable-tgw-default-propagation:cluster",
    kind,
    account: ACCOUNTS.transit,
    command: kind === "associate-tgw-route-table" ? "DisassociateTransitGatewayRouteTableCommand" : "DisableTransitGatewayRouteTablePropagationCommand",
    input: { TransitGatewayRouteTableId: TGW.defaultTable, TransitGatewayAttachmentId: attachmentId },
  });
const transitEc2 = () => env.access.ec2(ACCOUNTS.transit, "us-east-1");
const inDefaultTable = async () => (await state()).attachments.filter((a) => a.endsWith(TGW.defaultTable)).length;
const intoDefaultTable = async () => (await state()).propagations[TGW.defaultTable]?.length ?? 0;

/** The TGW shared with the MSK account the way an Organization does it (no invitation); outsiders may be added. */
async function shareWithMskAccount(): Promise<string> {
  const out = await env.access
    .ram(ACCOUNTS.transit, "us-east-1")
    .send(new CreateResourceShareCommand({ name: "hub", resourceArns: [TGW.arn], principals: [ACCOUNTS.msk], allowExternalPrincipals: true }));
  return out.resourceShare?.resourceShareArn ?? "";
}

async function attached(): Promise<{ id: string; record: StepRecord }> {
  await shareWithMskAccount();
  const record = await executeUntilDone(executorFor("attach-vpc-to-tgw"), testContext(env.access, attachStep));
  return { id: record.outputs.TransitGatewayAttachmentId ?? "", record };
}

async function availableAttachment(): Promise<string> {
  const { id } = await attached();
  await executeUntilDone(executorFor("accept-tgw-attachment"), testContext(env.access, acceptAttachmentStep(id)));
  return id;
}

const state = () => snapshot(env);

describe("share-tgw", () => {
  it("creates one tagged share inside the Organization, with no invitation, and deletes it on undo", async () => {
    const { record, problem } = await checkLifecycle({
      executor: executorFor("share-tgw"),
      ctx: testContext(env.access, shareStep(ACCOUNTS.msk, false)),
      count: async () => (await state()).shares.length,
      expectCreated: 1,
    });
    expect(record.outputs.resourceShareArn).toMatch(/^arn:aws:ram:us-east-1:333333333333:resource-share\//);
    expect(record.outputs.resourceShareInvitationArn).toBeUndefined();
    expect(problem).toMatch(/is gone/);
    expect((await state()).shares).toEqual([]);
  });

  it("shares with an account outside the Organization and hands on the invitation RAM sent it", async () => {
    const record = await executeUntilDone(executorFor("share-tgw"), testContext(env.access, shareStep(ACCOUNTS.saas, true)));
    expect(record.outputs.resourceShareInvitationArn).toMatch(/resource-share-invitation\//);
  });

  it("finds its tagged share after a crash that lost the record", async () => {
    const step = shareStep(ACCOUNTS.msk, false);
    await expect(executorFor("share-tgw").execute(testContext(env.access, step, { crashOnSave: 1 }))).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(executorFor("share-tgw"), testContext(env.access, step));
    expect(record.created).toHaveLength(1);
    expect((await state()).shares).toHaveLength(1);
  });

  it("uses a share that already gives the account the TGW, not creating a second one", async () => {
    const existing = await shareWithMskAccount();
    const record = await executeUntilDone(executorFor("share-tgw"), testContext(env.access, shareStep(ACCOUNTS.msk, false)));
    expect(record).toMatchObject({ outputs: { resourceShareArn: existing }, created: [] });
  });

  it("adds an outside account to the share, finds its invitation, and takes the account out again on undo", async () => {
    const shareArn = await shareWithMskAccount();
    const step = associateShareStep(shareArn, ACCOUNTS.saas);
    const { record, problem } = await checkLifecycle({
      executor: executorFor("share-tgw"),
      ctx: testContext(env.access, step),
      count: async () => (await state()).shares.length,
      expectCreated: 1,
    });
    expect(record.outputs.resourceShareInvitationArn).toMatch(/^arn:aws:ram:us-east-1:333333333333:resource-share-invitation\//);
    expect(problem).toMatch(/no longer shares with 444444444444/);
    expect((await state()).shares).toEqual([`${TGW.arn} -> ${ACCOUNTS.msk}`]);
  });
});

describe("accept-share-invitation", () => {
  it("accepts in the receiving account and is done once the share is received", async () => {
    const shareArn = await shareWithMskAccount();
    const associate = associateShareStep(shareArn, ACCOUNTS.saas);
    const shared = await executeUntilDone(executorFor("share-tgw"), testContext(env.access, associate));
    const step = planStep({
      key: `accept-share-invitation:${ACCOUNTS.saas}`,
      kind: "accept-share-invitation",
      account: ACCOUNTS.saas,
      command: "AcceptResourceShareInvitationCommand",
      input: { resourceShareInvitationArn: shared.outputs.resourceShareInvitationArn ?? "" },
    });
    const { record, problem } = await checkLifecycle({
      executor: executorFor("accept-share-invitation"),
      ctx: testContext(env.access, step),
      count: async () => (await state()).shares.length,
      expectCreated: 0,
      undoPrerequisite: async () => {
        await undoUntilDone(executorFor("share-tgw"), testContext(env.access, associate), shared);
      },
    });
    expect(record.outputs.resourceShareArn).toBe(shareArn);
    expect(problem).toMatch(/no longer receives/);
  });
});

describe("attach-vpc-to-tgw", () => {
  it("attaches the VPC once, is done at pendingAcceptance, and deletes the attachment on undo", async () => {
    await shareWithMskAccount();
    const { record, problem } = await checkLifecycle({
      executor: executorFor("attach-vpc-to-tgw"),
      ctx: testContext(env.access, attachStep),
      count: async () => (await state()).attachments.length,
      expectCreated: 1,
    });
    expect(record.outputs.TransitGatewayAttachmentId).toMatch(/^tgw-attach-/);
    expect(problem).toMatch(/deleting|deleted|gone/);
  });

  it("finds its tagged attachment after a crash that lost the record", async () => {
    await shareWithMskAccount();
    await expect(executorFor("attach-vpc-to-tgw").execute(testContext(env.access, attachStep, { crashOnSave: 1 }))).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(executorFor("attach-vpc-to-tgw"), testContext(env.access, attachStep));
    expect(record.created).toHaveLength(1);
    expect((await state()).attachments.filter((a) => a.includes(MSK_VPC.id))).toHaveLength(1);
  });

  it("uses the VPC's attachment made by someone else and never deletes it", async () => {
    await shareWithMskAccount();
    const out = await env.access
      .ec2(ACCOUNTS.msk, "us-east-1")
      .send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW.id, VpcId: MSK_VPC.id, SubnetIds: MSK_SUBNETS }));
    const record = await executeUntilDone(executorFor("attach-vpc-to-tgw"), testContext(env.access, attachStep));
    expect(record).toMatchObject({ outputs: { TransitGatewayAttachmentId: out.TransitGatewayVpcAttachment?.TransitGatewayAttachmentId }, created: [] });
    await undoUntilDone(executorFor("attach-vpc-to-tgw"), testContext(env.access, attachStep), record);
    expect((await state()).attachments.filter((a) => a.includes(MSK_VPC.id))).toHaveLength(1);
  });
});

describe("accept-tgw-attachment", () => {
  it("accepts as the TGW owner and waits until available", async () => {
    const { id, record: attachRecord } = await attached();
    const { problem } = await checkLifecycle({
      executor: executorFor("accept-tgw-attachment"),
      ctx: testContext(env.access, acceptAttachmentStep(id)),
      count: async () => (await state()).attachments.length,
      expectCreated: 0,
      undoPrerequisite: async () => {
        await undoUntilDone(executorFor("attach-vpc-to-tgw"), testContext(env.access, attachStep), attachRecord);
      },
    });
    expect(problem).toMatch(/not available/);
  });
});

describe("associate-tgw-route-table", () => {
  it("associates once and disassociates only what it associated", async () => {
    const id = await availableAttachment();
    await transitEc2().send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: TGW.defaultTable, TransitGatewayAttachmentId: id }));
    const { problem } = await checkLifecycle({
      executor: executorFor("associate-tgw-route-table"),
      ctx: testContext(env.access, tableStep("associate-tgw-route-table", TGW.vpcsTable, id)),
      count: async () => (await state()).attachments.length,
      expectCreated: 1,
    });
    expect(problem).toMatch(/not associated/);
  });

  // What a plan made before the portal knew the TGW's defaults met: the share and the attachment made, then this.
  it("refuses to move an association it did not make, such as the TGW's default one with no step to leave it", async () => {
    const id = await availableAttachment();
    const error = await executorFor("associate-tgw-route-table")
      .execute(testContext(env.access, tableStep("associate-tgw-route-table", TGW.vpcsTable, id)))
      .catch((e: unknown) => e);
    expect(describeAwsError(error)).toMatchObject({ code: "TransitGatewayAssociationElsewhere", retryable: false });
    expect(describeAwsError(error).message).toContain(TGW.defaultTable);
  });

  it("waits while the attachment is not available instead of spending IncorrectState retries", async () => {
    const { id } = await attached();
    const ctx = testContext(env.access, tableStep("associate-tgw-route-table", TGW.vpcsTable, id));
    const early = await executorFor("associate-tgw-route-table").execute(ctx);
    expect(early).toMatchObject({ status: "waiting", reason: expect.stringMatching(/owner to accept/) as unknown });
    await transitEc2().send(new AcceptTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: id }));
    await executeUntilDone(executorFor("associate-tgw-route-table"), testContext(env.access, leaveDefaultStep("associate-tgw-route-table", id)));
    const record = await executeUntilDone(executorFor("associate-tgw-route-table"), ctx);
    expect(record.created).toHaveLength(1);
    expect((await state()).attachments).toContain(`vpc ${MSK_VPC.id} available ${TGW.vpcsTable}`);
  });
});

describe("associate-tgw-route-table with DisassociateTransitGatewayRouteTableCommand (leaving the default table)", () => {
  it("takes the new attachment out of the TGW's default table once, and puts it back on undo", async () => {
    const id = await availableAttachment();
    expect(await inDefaultTable()).toBe(1);
    const { record, problem } = await checkLifecycle({
      executor: executorFor("associate-tgw-route-table"),
      ctx: testContext(env.access, leaveDefaultStep("associate-tgw-route-table", id)),
      count: inDefaultTable,
      expectCreated: 1,
    });
    expect(record.created[0]).toMatchObject({ type: "transit-gateway-default-association-removal", id: `${TGW.defaultTable}|${id}` });
    expect(problem).toMatch(/associated with the default route table .* again/);
    expect(await inDefaultTable()).toBe(1);
  });

  it("after a crash between the call and the save, owns the removal its claim announced", async () => {
    const id = await availableAttachment();
    const step = leaveDefaultStep("associate-tgw-route-table", id);
    const crashing = testContext(env.access, step, { crashOnSave: 2 });
    await expect(executorFor("associate-tgw-route-table").execute(crashing)).rejects.toThrow("simulated crash");
    expect(await inDefaultTable()).toBe(0);
    const record = await executeUntilDone(executorFor("associate-tgw-route-table"), testContext(env.access, step, { previous: crashing.saves[0] ?? null }));
    expect(record.created).toHaveLength(1);
    await undoUntilDone(executorFor("associate-tgw-route-table"), testContext(env.access, step), record);
    expect(await inDefaultTable()).toBe(1);
  });

  it("records nothing when the default association is already gone, so undo restores nothing", async () => {
    const id = await availableAttachment();
    await transitEc2().send(new DisassociateTransitGatewayRouteTableCommand({ TransitGatewayRouteTableId: TGW.defaultTable, TransitGatewayAttachmentId: id }));
    const step = leaveDefaultStep("associate-tgw-route-table", id);
    const record = await executeUntilDone(executorFor("associate-tgw-route-table"), testContext(env.access, step));
    expect(record.created).toEqual([]);
    expect(await undoUntilDone(executorFor("associate-tgw-route-table"), testContext(env.access, step), record)).toEqual({ requestIds: [] });
    expect(await inDefaultTable()).toBe(0);
  });
});

describe("enable-tgw-propagation", () => {
  it("propagates once and disables only what it enabled", async () => {
    const id = await availableAttachment();
    const { problem } = await checkLifecycle({
      executor: executorFor("enable-tgw-propagation"),
      ctx: testContext(env.access, tableStep("enable-tgw-propagation", TGW.onPremTable, id)),
      count: async () => (await state()).propagations[TGW.onPremTable]?.length ?? 0,
      expectCreated: 1,
    });
    expect(problem).toMatch(/does not propagate/);
    expect((await state()).propagations[TGW.onPremTable]).toEqual([]);
  });

  it("takes a propagation AWS made by default as reused, never undone", async () => {
    const id = await availableAttachment();
    const step = tableStep("enable-tgw-propagation", TGW.defaultTable, id);
    const record = await executeUntilDone(executorFor("enable-tgw-propagation"), testContext(env.access, step));
    expect(record.created).toEqual([]);
    await undoUntilDone(executorFor("enable-tgw-propagation"), testContext(env.access, step), record);
    expect(await intoDefaultTable()).toBe(1);
  });

  it("waits while the attachment waits for acceptance", async () => {
    const { id } = await attached();
    const result = await executorFor("enable-tgw-propagation").execute(testContext(env.access, tableStep("enable-tgw-propagation", TGW.onPremTable, id)));
    expect(result).toMatchObject({ status: "waiting", reason: expect.stringMatching(/owner to accept/) as unknown });
  });
});

describe("enable-tgw-propagation with DisableTransitGatewayRouteTablePropagationCommand (leaving the default table)", () => {
  it("stops the default propagation once, and turns it back on on undo", async () => {
    const id = await availableAttachment();
    expect(await intoDefaultTable()).toBe(1);
    const { record, problem } = await checkLifecycle({
      executor: executorFor("enable-tgw-propagation"),
      ctx: testContext(env.access, leaveDefaultStep("enable-tgw-propagation", id)),
      count: intoDefaultTable,
      expectCreated: 1,
    });
    expect(record.created[0]).toMatchObject({ type: "transit-gateway-default-propagation-removal", id: `${TGW.defaultTable}|${id}` });
    expect(problem).toMatch(/propagates into the default route table .* again/);
  });

  it("after a crash between the call and the save, owns the removal its claim announced", async () => {
    const id = await availableAttachment();
    const step = leaveDefaultStep("enable-tgw-propagation", id);
    const crashing = testContext(env.access, step, { crashOnSave: 2 });
    await expect(executorFor("enable-tgw-propagation").execute(crashing)).rejects.toThrow("simulated crash");
    const record = await executeUntilDone(executorFor("enable-tgw-propagation"), testContext(env.access, step, { previous: crashing.saves[0] ?? null }));
    expect(record.created).toHaveLength(1);
  });

  it("records nothing when the propagation is already off", async () => {
    const id = await availableAttachment();
    await transitEc2().send(
      new DisableTransitGatewayRouteTablePropagationCommand({ TransitGatewayRouteTableId: TGW.defaultTable, TransitGatewayAttachmentId: id }),
    );
    const record = await executeUntilDone(executorFor("enable-tgw-propagation"), testContext(env.access, leaveDefaultStep("enable-tgw-propagation", id)));
    expect(record.created).toEqual([]);
  });
});
