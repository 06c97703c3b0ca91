import type { PlanStep, StepKind } from "@/lib/domain/plan";
import type { AwsAccess } from "../aws-access";
import { EXECUTORS } from "./registry";

export type CreatedResource = { type: string; id: string; account: string; region: string };

export type StepRecord = {
  /** Values later steps reference ($ref "<key>.<name>"). */
  outputs: Record<string, string>;
  /** Exactly what THIS step created (undo removes only these). */
  created: CreatedResource[];
  /**
   * Ids of what this step found in place and relies on without having made it (another request's route,
   * rule, peering option). The runner turns them into claims, so that no other teardown removes them.
   */
  reused?: string[];
  /** AWS request ids of every call made, mutating or not. */
  requestIds: string[];
};

export type StepContext = {
  access: AwsAccess;
  /** The portal request id (tags). */
  requestId: string;
  /** Input with $refs already resolved by the runner (except cluster.CurrentVersion). */
  step: PlanStep;
  tagKeys: { requestId: string; stepKey: string };
  /** What an earlier attempt of this step recorded (crash, retry). */
  previous: StepRecord | null;
  /**
   * Persists partial progress now (e.g. the new peering id right after CreateVpcPeeringConnection), before
   * the next AWS call, so a crash between calls loses nothing. The runner stores it on the step row.
   */
  // A function property rather than a method: verify/undo read the stored record through the same name.
  record: (progress: StepRecord) => Promise<void>;
};

export type ExecuteResult =
  | { status: "done"; record: StepRecord }
  /** AWS is still transitioning; the runner calls execute again after a backoff and execute then just checks. */
  | { status: "waiting"; record: StepRecord; reason: string };

export type VerifyResult = { ok: true } | { ok: false; problem: string };

export type StepExecutor = {
  execute(ctx: StepContext): Promise<ExecuteResult>;
  /** Re-reads AWS: does what this step made still exist as planned? (final verification and drift checks) */
  verify(ctx: StepContext, record: StepRecord): Promise<VerifyResult>;
  /**
   * Removes only record.created; already-gone is success. `kept` says why something was left in place on
   * purpose (others in AWS still use it): the step is then kept, not undone.
   */
  undo(ctx: StepContext, record: StepRecord): Promise<{ requestIds: string[]; kept?: string }>;
};

export function executorFor(kind: StepKind): StepExecutor {
  // Kinds come back from the database as strings; an unknown one must fail loudly, not as "undefined is not a function".
  const executor = (EXECUTORS as Partial<Record<string, StepExecutor>>)[kind];
  if (!executor) throw new Error(`No executor for step kind ${String(kind)}`);
  return executor;
}
