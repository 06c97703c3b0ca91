import { awsRequestIdOf } from "../../aws-errors";

/** Collects the AWS request id of every call, failed ones too: the audit trail and AWS support need them. */
export type CallLog = {
  readonly ids: string[];
  run<T>(call: Promise<T>): Promise<T>;
};

export function callLog(previous: readonly string[] = []): CallLog {
  const ids = [...previous];
  const note = (x: unknown) => {
    const id = awsRequestIdOf(x);
    if (id && !ids.includes(id)) ids.push(id);
  };
  return {
    ids,
    async run<T>(call: Promise<T>): Promise<T> {
      try {
        const out = await call;
        note(out);
        return out;
      } catch (error) {
        note(error);
        throw error;
      }
    },
  };
}
