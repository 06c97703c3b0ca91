import type { PlatformSettings, Quotas } from "./facts";
import { DEFAULT_QUOTAS, QUOTA_WARN_RATIO } from "./rules";
import { addFinding, type PlanDraft } from "./draft";

export function quotasOf(platform: PlatformSettings): Quotas {
  return { ...DEFAULT_QUOTAS, ...platform.quotas };
}

/** Blocks when the plan would exceed the quota, warns when it leaves less than a tenth of it. */
export function checkQuota(
  draft: PlanDraft,
  args: { code: string; what: string; used: number; adding: number; limit: number; rule: string; remedy: string },
): void {
  const after = args.used + args.adding;
  if (args.adding === 0) return;
  if (after > args.limit) {
    addFinding(draft, {
      severity: "block",
      code: args.code,
      message: `${args.what}: ${args.used} of ${args.limit} used, this plan adds ${args.adding}`,
      remedy: args.remedy,
      rule: args.rule,
    });
  } else if (after >= Math.ceil(args.limit * QUOTA_WARN_RATIO)) {
    addFinding(draft, {
      severity: "warn",
      code: `${args.code}-near`,
      message: `${args.what}: ${after} of ${args.limit} will be used after this plan`,
      remedy: args.remedy,
      rule: args.rule,
    });
  }
}
