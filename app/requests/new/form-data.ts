import { formString } from "@/lib/forms/form-string";
import { expectedGbFromText } from "@/lib/domain/cost/expected-traffic";

// Turns the form's flat fields into the nested shape the shared zod schema checks. Lists are typed one per
// line or separated by commas/spaces; an empty optional list means "not given".
function list(value: FormDataEntryValue | null): string[] {
  return formString(value)
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function text(value: FormDataEntryValue | null): string {
  return formString(value).trim();
}

/** The three topic lists; all empty means none was asked for (every topic), so the field is left out. */
function topicAccessFrom(form: FormData): { topicAccess?: { readTopics: string[]; writeTopics: string[]; consumerGroups: string[] } } {
  const access = {
    readTopics: list(form.get("topicAccess.readTopics")),
    writeTopics: list(form.get("topicAccess.writeTopics")),
    consumerGroups: list(form.get("topicAccess.consumerGroups")),
  };
  return Object.values(access).some((names) => names.length > 0) ? { topicAccess: access } : {};
}

/** Empty means not given; anything else goes to the schema, which says at the field what is wrong with it. */
function expectedTrafficFrom(form: FormData): { expectedGbPerMonth?: number | string } {
  const value = expectedGbFromText(formString(form.get("expectedGbPerMonth")));
  return value === undefined ? {} : { expectedGbPerMonth: value };
}

export function requestFromFormData(form: FormData): { input: unknown; teamId: string | undefined } {
  const type = text(form.get("client.type"));
  const client =
    type === "aws-vpc"
      ? {
          type,
          accountId: text(form.get("client.accountId")),
          region: text(form.get("client.region")),
          vpcId: text(form.get("client.vpcId")),
          securityGroupIds: list(form.get("client.securityGroupIds")),
          ...(list(form.get("client.subnetIds")).length ? { subnetIds: list(form.get("client.subnetIds")) } : {}),
        }
      : type === "on-prem"
        ? { type, cidrs: list(form.get("client.cidrs")) }
        : type === "saas"
          ? { type, accountId: text(form.get("client.accountId")), providerName: text(form.get("client.providerName")) }
          : { type };
  return {
    input: {
      clusterArn: text(form.get("clusterArn")),
      client,
      authModes: form.getAll("authModes").map(String),
      environment: text(form.get("environment")),
      justification: formString(form.get("justification")),
      ...topicAccessFrom(form),
      ...expectedTrafficFrom(form),
      ...(text(form.get("endsAt")) ? { endsAt: text(form.get("endsAt")) } : {}),
      ...(type === "aws-vpc" && form.get("preferredMethod") === "multi-vpc-private-connectivity"
        ? { preferredMethod: "multi-vpc-private-connectivity" }
        : {}),
    },
    teamId: text(form.get("teamId")) || undefined,
  };
}
