import { describeAwsError } from "../../aws-errors";

export function errorCode(error: unknown): string {
  return describeAwsError(error).code;
}

export function hasCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(error));
}

/** NotFound-style errors: on undo and on verify they mean "already gone". */
export function isNotFound(error: unknown): boolean {
  return describeAwsError(error).kind === "not-found";
}

/**
 * AWS is still moving something this step needs (a cluster UPDATING during undo). Carries the
 * `IncorrectState` code so the runner's error mapping retries it with backoff like AWS's own.
 */
export class StepNotReadyError extends Error {
  readonly code = "IncorrectState";
  constructor(message: string) {
    super(message);
    this.name = "StepNotReadyError";
  }
}

/**
 * What AWS holds contradicts the plan (a route to another target, a failed peering); retrying cannot help,
 * a person has to look. The code names the conflict for the runner's error mapping.
 */
export class StepConflictError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "StepConflictError";
    this.code = code;
  }
}

/**
 * UpdateConnectivity and PutClusterPolicy take the version they change; MSK answers BadRequestException
 * naming the current version when it moved. On a retry that can be this step's own earlier call.
 */
export function isVersionConflict(error: unknown): boolean {
  return hasCode(error, "BadRequestException") && /version/i.test(describeAwsError(error).message);
}
