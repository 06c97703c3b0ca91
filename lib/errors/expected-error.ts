// An error whose message is written for the person who caused it. Everything else is logged and shown
// as a generic message, so internals (SQL, stack traces, AWS account details) never reach a browser.
// "unavailable": something the portal depends on (AWS) did not answer after its retries; trying later may work.
export type ExpectedErrorCode = "bad-request" | "unauthenticated" | "forbidden" | "not-found" | "conflict" | "unavailable";

const HTTP_STATUS: Record<ExpectedErrorCode, number> = {
  "bad-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  unavailable: 503,
};

export class ExpectedError extends Error {
  readonly code: ExpectedErrorCode;
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: ExpectedErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "ExpectedError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}
