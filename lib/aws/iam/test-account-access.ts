import type { AwsAccess } from "../aws-access";
import { describeAwsError } from "../aws-errors";
import { SIDES_OF, type KitAccountKind } from "./account-kinds";
import { DRY_RUN_INPUTS, PROBES } from "./access-probes";
import { DRY_RUNNABLE } from "./dry-run-commands";
import { neededActions } from "./needed-actions";

export type ActionCheck = {
  action: string;
  outcome: "allowed" | "missing" | "not-tried";
  /** What AWS answered (DryRunOperation, a not-found for a made-up id), or why it was not tried. */
  detail: string;
};

export type AccessReport = { accountId: string; region: string; assumed: boolean; problem?: string; checks: ActionCheck[] };

const DENIED = new Set(["UnauthorizedOperation", "AccessDeniedException", "AccessDenied"]);

async function check(action: string, run: () => Promise<unknown>): Promise<ActionCheck> {
  try {
    await run();
    return { action, outcome: "allowed", detail: "answered" };
  } catch (error) {
    const info = describeAwsError(error);
    if (DENIED.has(info.code)) return { action, outcome: "missing", detail: info.message };
    return {
      action,
      outcome: "allowed",
      detail: info.code === "DryRunOperation" ? "DryRun: would succeed" : `not refused (${info.code})`,
    };
  }
}

/**
 * "Test access": assume the account's role, run the read-only calls discovery needs and the EC2 changes with
 * DryRun, in the account's first Region. What has no harmless form (RAM and MSK changes, tag-scoped deletes)
 * is listed as not tried, with the reason.
 */
export async function testAccountAccess(
  access: AwsAccess,
  account: { id: string; kind: KitAccountKind; region: string },
): Promise<AccessReport> {
  const base = { accountId: account.id, region: account.region };
  try {
    await access.credentialsFor(account.id);
  } catch (error) {
    return { ...base, assumed: false, problem: describeAwsError(error).message, checks: [] };
  }
  const checks = await Promise.all(
    neededActions(SIDES_OF[account.kind]).map(({ action }): Promise<ActionCheck> => {
      const probe = PROBES[action];
      if (probe) return check(action, () => probe(access, account.id, account.region));
      const operation = action.split(":")[1] ?? "";
      const send = action.startsWith("ec2:") ? DRY_RUNNABLE[operation] : undefined;
      const input = DRY_RUN_INPUTS[operation];
      if (send && input) return check(action, () => send(access.ec2(account.id, account.region), input));
      const why = action.startsWith("ec2:")
        ? "no harmless form: limited to what the portal tagged, or part of another call"
        : "RAM and MSK have no dry run: granted by the role kit";
      return Promise.resolve({ action, outcome: "not-tried", detail: why });
    }),
  );
  return { ...base, assumed: true, checks };
}
