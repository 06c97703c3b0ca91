import type { PortalCall } from "../call-context";
import { actionsOf } from "./iam-actions";

const DENIAL_CODES = new Set(["UnauthorizedOperation", "AccessDeniedException", "AccessDenied"]);

/** The action AWS names in a denial ("is not authorized to perform: ec2:CreateRoute"), when it names one. */
function actionNamed(awsMessage: string): string | undefined {
  return /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(awsMessage)?.[1];
}

/**
 * Plain words for an IAM denial of one of the portal's calls: which role, in which account, lacks which
 * action. EC2 often hides the action in an encoded message, so the call's own needs are named as well.
 */
export function accessDeniedMessage(code: string, awsMessage: string, call: PortalCall | undefined): string | undefined {
  if (!DENIAL_CODES.has(code) || !call) return undefined;
  const needs = actionsOf({ service: call.service, operation: call.operation });
  const named = actionNamed(awsMessage);
  const missing = named ? `${named}` : needs.join(", ");
  const also = named && needs.length > 1 ? ` (${call.operation} needs ${needs.join(", ")})` : "";
  return (
    `The portal's role ${call.roleArn} in account ${call.accountId} is not allowed ${missing} in ${call.region}${also}; ` +
    "deploy the role kit from deploy/iam for this account's kind, or add the action to the role"
  );
}
