/**
 * An error the sandbox answers with, in the shape AWS would: a code the SDK maps to an
 * exception class and the HTTP status AWS uses for it.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export function awsError(code: string, message: string, status = 400): AwsError {
  return new AwsError(code, message, status);
}
