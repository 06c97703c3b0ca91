/** One line per API call, so tests and the portal's developers can see what was asked of "AWS". */
export type CallRecord = {
  time: string;
  service: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  errorCode?: string;
  requestId: string;
  fault?: string;
  /** The IAM actions the call was authorised for (its own and the ones it implies); empty when refused. */
  actions?: string[];
};

const MAX_CALLS = 5_000;

export class CallLog {
  private calls: CallRecord[] = [];

  add(record: CallRecord): void {
    this.calls.push(record);
    // Bounded so a long demo session cannot grow memory without limit.
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  list(): CallRecord[] {
    return [...this.calls];
  }

  clear(): void {
    this.calls = [];
  }
}
