import type { StoredPlan } from "@/lib/domain/plan/stored-plan";

import { connectionMethodColumn } from "../enums/domain-enums";
import type { ConnectionMethod } from "../generated/enums";

// AccessRequest.method follows the stored plan: every write of `plan` writes this beside it.
export function methodOfStoredPlan(stored: StoredPlan | null | undefined): ConnectionMethod | null {
  return stored?.plan ? connectionMethodColumn.toDb(stored.plan.method) : null;
}
