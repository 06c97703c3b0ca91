import { formString } from "@/lib/forms/form-string";

const all = (form: FormData, name: string) => form.getAll(name).map((v) => formString(v)).filter(Boolean);
const list = (value: FormDataEntryValue | null) =>
  formString(value)
    .split(/[\s,]+/)
    .filter(Boolean);
const optionalInt = (value: FormDataEntryValue | null) => {
  const text = formString(value).trim();
  return text === "" ? null : Number(text);
};

/** The policy form's fields in the shape policyFormSchema parses (its errors come back at these paths). */
export function policyFormInput(form: FormData) {
  const kind = formString(form.get("outcome.kind"));
  const outcome =
    kind === "approvals"
      ? {
          kind,
          count: Number(formString(form.get("outcome.count")) || "1"),
          fromTeam: formString(form.get("outcome.fromTeam")) || null,
          fromClusterOwner: form.get("outcome.fromClusterOwner") === "on",
        }
      : kind === "reject"
        ? { kind, reason: formString(form.get("outcome.reason")) }
        : { kind };
  return {
    name: formString(form.get("name")),
    match: {
      environments: all(form, "match.environments"),
      scenarios: all(form, "match.scenarios"),
      methods: all(form, "match.methods"),
      clusterArns: all(form, "match.clusterArns"),
      clientAccountIds: list(form.get("match.clientAccountIds")),
      teams: all(form, "match.teams"),
      authModes: all(form, "match.authModes"),
      traits: all(form, "match.traits"),
      minSteps: optionalInt(form.get("match.minSteps")),
    },
    outcome,
    requireEndDate: form.get("requireEndDate") === "on",
    maxDurationDays: optionalInt(form.get("maxDurationDays")),
    decommissionBy: formString(form.get("decommissionBy")) || undefined,
  };
}
