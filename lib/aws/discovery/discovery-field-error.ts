export type FieldIssue = { field: string; message: string };

/**
 * Something the requester named does not exist (or is not where they said): the portal shows each
 * issue at its form field. `field` uses the dotted paths of `fieldErrors` ("client.subnetIds.1").
 */
export class DiscoveryFieldError extends Error {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    this.name = "DiscoveryFieldError";
    this.issues = issues;
  }

  get field(): string {
    return this.issues[0]?.field ?? "";
  }

  /** Same shape as `fieldErrors(zodError)`, so a form shows both the same way. */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const issue of this.issues) (out[issue.field] ??= []).push(issue.message);
    return out;
  }
}

export function isDiscoveryFieldError(error: unknown): error is DiscoveryFieldError {
  return error instanceof DiscoveryFieldError;
}
