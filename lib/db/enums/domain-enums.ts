import {
  CONNECTION_METHODS,
  PREFERRED_METHODS,
  STEP_KINDS,
  type ConnectionMethod,
  type PreferredMethod,
  type StepKind,
} from "@/lib/domain/plan/plan-types";
import { SCENARIOS, type Scenario } from "@/lib/domain/scenario";

import {
  ConnectionMethod as ConnectionMethodMember,
  PreferredMethod as PreferredMethodMember,
  Scenario as ScenarioMember,
  StepKind as StepKindMember,
} from "../generated/enums";
import { enumColumn } from "./enum-column";

export const scenarioColumn = enumColumn<Scenario, ScenarioMember>("Scenario", SCENARIOS, ScenarioMember);
export const preferredMethodColumn = enumColumn<PreferredMethod, PreferredMethodMember>("PreferredMethod", PREFERRED_METHODS, PreferredMethodMember);
export const stepKindColumn = enumColumn<StepKind, StepKindMember>("StepKind", STEP_KINDS, StepKindMember);
export const connectionMethodColumn = enumColumn<ConnectionMethod, ConnectionMethodMember>("ConnectionMethod", CONNECTION_METHODS, ConnectionMethodMember);
