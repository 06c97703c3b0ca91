import type { PolicyDocument } from "./policy-document";

/** What IAM knows about one request: condition keys the sandbox models, by name. */
export type RequestContextKeys = Record<string, string>;

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

// IAM action names match case-insensitively, with * and ? wildcards (IAM user guide, "IAM JSON policy elements: Action").
function matches(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return re.test(value);
}

/** Condition keys the sandbox sets on the calls they belong to. */
const KNOWN_KEYS = new Set(["ec2:CreateAction", "iam:AWSServiceName"]);

// Only keys the sandbox models are evaluated: a condition on any other key (resource tags, source IPs) is
// taken as met, since the sandbox cannot know it. A known key absent from the call fails a String
// condition, as in IAM. Of the operators, those a least-privilege kit uses.
function conditionHolds(operator: string, key: string, expected: string[], context: RequestContextKeys): boolean {
  if (!KNOWN_KEYS.has(key)) return true;
  const actual = context[key];
  if (operator === "StringEquals") return actual !== undefined && expected.includes(actual);
  if (operator === "StringLike") return actual !== undefined && expected.some((p) => matches(p, actual));
  if (operator === "StringNotEquals") return actual === undefined || !expected.includes(actual);
  return true;
}

function statementApplies(statement: PolicyDocument["Statement"][number], action: string, context: RequestContextKeys): boolean {
  if (!list(statement.Action).some((p) => matches(p, action))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, list(expected), context)),
  );
}

/** IAM's rule: an explicit Deny wins, else an Allow is needed; resources are not evaluated here. */
export function isAllowed(policy: PolicyDocument, action: string, context: RequestContextKeys = {}): boolean {
  const applying = policy.Statement.filter((s) => statementApplies(s, action, context));
  if (applying.some((s) => s.Effect === "Deny")) return false;
  return applying.some((s) => s.Effect === "Allow");
}
