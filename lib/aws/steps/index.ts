export {
  executorFor,
  type CreatedResource,
  type ExecuteResult,
  type StepContext,
  type StepExecutor,
  type StepRecord,
  type VerifyResult,
} from "./step-executor";
export { StepConflictError, StepNotReadyError } from "./support/errors";
