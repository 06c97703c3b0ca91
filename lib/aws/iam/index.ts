export { KIT_ACCOUNT_KINDS, SIDES_OF, kitKindOf, type KitAccountKind } from "./account-kinds";
export { actionOf, actionsOf, IMPLIED_ACTIONS, type ApiCall, type ImpliedAction } from "./iam-actions";
export { ACTIVATION_NEEDS, CONNECTION_WATCH_NEEDS, DISCOVERY_NEEDS, PATH_ANALYSIS_NEEDS, STEP_NEEDS, type Side, type StepNeeds } from "./iam-needs";
export { neededActions, type NeededAction } from "./needed-actions";
export { ROLE_POLICIES, rolePolicyFor, type PolicyDocument } from "./role-policy";
export { roleKitFiles } from "./role-kit";
export { checkPlanPermissions } from "./permission-preflight";
export { accessDeniedMessage } from "./access-denied";
export { testAccountAccess, type AccessReport, type ActionCheck } from "./test-account-access";
