import { isRef, parseRef, type ConnectionPlan, type PlanStep, type PreflightFinding } from "@/lib/domain/plan";
import type { AwsAccess } from "../aws-access";
import { describeAwsError } from "../aws-errors";
import { SIDES_OF, type KitAccountKind } from "./account-kinds";
import { DRY_RUNNABLE } from "./dry-run-commands";
import { actionsOf } from "./iam-actions";
import { STEP_NEEDS } from "./iam-needs";
import { ROLE_POLICIES } from "./role-policy";

/** Ids that do not exist yet, for outputs of earlier steps: AWS checks the permission before the id. */
const PLACEHOLDERS: Record<string, string> = {
  VpcPeeringConnectionId: "pcx-00000000000000000",
  TransitGatewayAttachmentId: "tgw-attach-00000000000000000",
};

// A delete that the role kit limits to resources carrying the portal's tag cannot be tried on an id
// that does not exist yet: IAM would refuse it for the missing tag, not for a missing permission.
const TAG_SCOPED = new Set(["DeleteVpcPeeringConnection", "DeleteTransitGatewayVpcAttachment"]);

function withPlaceholders(value: unknown): unknown {
  if (isRef(value)) return PLACEHOLDERS[parseRef(value).output] ?? "placeholder";
  if (Array.isArray(value)) return value.map(withPlaceholders);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)]));
  return value;
}

type Attempt = { step: PlanStep; operation: string; input: Record<string, unknown>; phase: "execute" | "undo" };

function attemptsOf(step: PlanStep): Attempt[] {
  const calls = [
    { phase: "execute" as const, command: step.command, input: step.input },
    ...(step.undo ? [{ phase: "undo" as const, ...step.undo }] : []),
  ];
  return calls
    .map((c) => ({
      step,
      phase: c.phase,
      operation: c.command.replace(/Command$/, ""),
      input: withPlaceholders(c.input) as Record<string, unknown>,
    }))
    .filter((a) => DRY_RUNNABLE[a.operation] && !TAG_SCOPED.has(a.operation));
}

async function dryRun(access: AwsAccess, attempt: Attempt): Promise<PreflightFinding | null> {
  const send = DRY_RUNNABLE[attempt.operation];
  if (!send) return null;
  try {
    await send(access.ec2(attempt.step.account, attempt.step.region), attempt.input);
    return null;
  } catch (error) {
    const info = describeAwsError(error);
    // DryRunOperation: allowed. Anything but a denial (a placeholder id not found) says nothing of permissions.
    if (info.code !== "UnauthorizedOperation") return null;
    return {
      severity: "block",
      code: "permission-missing",
      message: `${info.message} (${attempt.phase === "undo" ? "needed to undo" : "needed by"} step ${attempt.step.key}; tried with DryRun)`,
      remedy: "Deploy the role kit (deploy/iam) to the account for its kind, or add the action, then re-plan",
      rule: "EC2 API reference (DryRun): UnauthorizedOperation means the caller lacks the permission",
    };
  }
}

/** RAM and MSK have no dry run: what the account's kind of role is granted stands in, and the finding says so. */
function kitFinding(step: PlanStep, kind: KitAccountKind | null | undefined): PreflightFinding | null {
  const needs = STEP_NEEDS[step.kind];
  const calls = [...needs.execute, ...needs.undo].filter((c) => c.service !== "ec2");
  if (calls.length === 0) return null;
  const granted = kind ? new Set(ROLE_POLICIES[kind].Statement.flatMap((s) => s.Action)) : new Set<string>();
  const missing = [...new Set(calls.flatMap(actionsOf))].filter((a) => !granted.has(a) && !a.startsWith("ec2:"));
  const plays = kind ? needs.sides.some((s) => SIDES_OF[kind].includes(s)) : false;
  if (plays && missing.length === 0) return null;
  return {
    severity: "block",
    code: "permission-missing",
    message: kind
      ? `Step ${step.key} needs ${missing.join(", ")} in account ${step.account}, which the role kit's ${kind} policy does not grant (RAM and MSK have no dry run; this is read from the role kit)`
      : `Step ${step.key} acts in account ${step.account}, which is not registered with a kind the role kit covers`,
    remedy: "Register the account with the kind it plays (Admin), deploy the role kit for that kind, then re-plan",
    rule: "RAM and MSK APIs have no DryRun parameter; the portal's IAM needs are listed in lib/aws/iam",
  };
}

/**
 * Before approval: every EC2 change of the plan (and its undo) tried with DryRun in its account, and
 * every RAM and MSK change checked against the role kit for the account's registered kind.
 */
export async function checkPlanPermissions(
  access: AwsAccess,
  plan: ConnectionPlan,
  kindOf: (accountId: string) => KitAccountKind | null | undefined,
): Promise<PreflightFinding[]> {
  const dry = await Promise.all(plan.steps.flatMap(attemptsOf).map((a) => dryRun(access, a)));
  const kit = plan.steps.map((s) => kitFinding(s, kindOf(s.account)));
  return [...dry, ...kit].filter((f): f is PreflightFinding => f !== null);
}
