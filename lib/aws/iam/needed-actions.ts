import { actionOf, IMPLIED_ACTIONS, type ApiCall, type ImpliedAction } from "./iam-actions";
import { ACTIVATION_NEEDS, CONNECTION_WATCH_NEEDS, DISCOVERY_NEEDS, PATH_ANALYSIS_NEEDS, STEP_NEEDS, type Side } from "./iam-needs";

/** Every call the portal may make in an account playing these sides. */
export function callsFor(sides: readonly Side[]): ApiCall[] {
  const plays = (s: readonly Side[]) => s.some((side) => sides.includes(side));
  const fromSteps = Object.values(STEP_NEEDS)
    .filter((n) => plays(n.sides))
    .flatMap((n) => [...n.execute, ...n.verify, ...n.undo]);
  const fromSides = sides.flatMap((side) => [
    ...DISCOVERY_NEEDS[side],
    ...ACTIVATION_NEEDS[side],
    ...CONNECTION_WATCH_NEEDS[side],
    ...PATH_ANALYSIS_NEEDS[side],
  ]);
  return [...fromSides, ...fromSteps];
}

/** `implied` holds each way the action is implied (e.g. ec2:CreateTags by several create calls). */
export type NeededAction = { action: string; by: string[]; implied: ImpliedAction[] };

/** The actions behind those calls, implied ones included, each with the calls that need it; sorted. */
export function neededActions(sides: readonly Side[]): NeededAction[] {
  const byAction = new Map<string, NeededAction>();
  const add = (action: string, by: string, implied?: ImpliedAction) => {
    const entry = byAction.get(action) ?? { action, by: [], implied: [] };
    if (!entry.by.includes(by)) entry.by.push(by);
    if (implied && !entry.implied.includes(implied)) entry.implied.push(implied);
    byAction.set(action, entry);
  };
  for (const call of callsFor(sides)) {
    const primary = actionOf(call);
    add(primary, primary);
    for (const implied of IMPLIED_ACTIONS[primary] ?? []) add(implied.action, primary, implied);
  }
  return [...byAction.values()].sort((a, b) => a.action.localeCompare(b.action));
}
