import { describeAwsError } from "../../aws-errors";
import type { CreatedResource, StepContext, StepRecord } from "../step-executor";
import { callLog, type CallLog } from "./call-log";

/**
 * Output name holding the identity of an untaggable thing (route, association, propagation, option, policy
 * statement) recorded just before the call that makes it. Finding it afterwards with the claim still set
 * means a crash lost the call's answer: the thing is this step's. Without the claim it was there before.
 */
export const CLAIM = "claimed";

/** The record an attempt builds up, seeded from what an earlier attempt stored. */
export type Progress = {
  outputs: Record<string, string>;
  created: CreatedResource[];
  reused: string[];
  log: CallLog;
  snapshot(): StepRecord;
  /** Persists the record now, before the next AWS call. */
  save(): Promise<void>;
};

export function startProgress(ctx: StepContext): Progress {
  const previous = ctx.previous;
  const outputs = { ...(previous?.outputs ?? {}) };
  const created = [...(previous?.created ?? [])];
  const reused = [...(previous?.reused ?? [])];
  const log = callLog(previous?.requestIds ?? []);
  const snapshot = (): StepRecord => ({ outputs: { ...outputs }, created: [...created], reused: [...reused], requestIds: [...log.ids] });
  return { outputs, created, reused, log, snapshot, save: () => ctx.record(snapshot()) };
}

export function resource(ctx: StepContext, type: string, id: string): CreatedResource {
  return { type, id, account: ctx.step.account, region: ctx.step.region };
}

export function hasCreated(created: readonly CreatedResource[], type: string, id: string): boolean {
  return created.some((c) => c.type === type && c.id === id);
}

/** Adds a resource this step made (once) and drops the claim that announced it. */
export function addCreated(progress: Progress, item: CreatedResource): void {
  if (!hasCreated(progress.created, item.type, item.id)) progress.created.push(item);
  if (progress.outputs[CLAIM] === item.id) delete progress.outputs[CLAIM];
}

export async function claim(progress: Progress, id: string): Promise<void> {
  progress.outputs[CLAIM] = id;
  await progress.save();
}

export function isClaimed(progress: Progress, id: string): boolean {
  return progress.outputs[CLAIM] === id;
}

/** Done, or "waiting": the runner calls execute again after a backoff. */
export function done(progress: Progress) {
  return { status: "done" as const, record: progress.snapshot() };
}

export function waiting(progress: Progress, reason: string) {
  return { status: "waiting" as const, record: progress.snapshot(), reason };
}

export function createdOfType(record: StepRecord, type: string): CreatedResource[] {
  return record.created.filter((c) => c.type === type);
}

/**
 * Claims `id`, then makes the call. An error that proves nothing happened (throttle, wrong state, invalid,
 * denied, already exists) releases the claim; a 5xx or a lost connection may hide a success, so it stays.
 */
export async function underClaim<T>(progress: Progress, id: string, call: () => Promise<T>): Promise<T> {
  await claim(progress, id);
  try {
    return await call();
  } catch (error) {
    if (describeAwsError(error).kind !== "server") {
      delete progress.outputs[CLAIM];
      await progress.save();
    }
    throw error;
  }
}

/**
 * Records an existing resource this step relies on but did not make (another request's route, rule, peering).
 * The runner claims it for this request, and another request's teardown keeps it while the claim stands.
 */
export function markReused(progress: Progress, id: string): void {
  if (!progress.reused.includes(id)) progress.reused.push(id);
}
