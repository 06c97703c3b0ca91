import { DescribeSecurityGroupRulesCommand, type SecurityGroupRule } from "@aws-sdk/client-ec2";

import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { isNotFound } from "../steps/support/errors";
import type { Place, ReliedOnCheck } from "./relied-on-types";

/** An existing inbound rule the plan found letting the client in, so it added none of its own. */
export async function checkSgRule(access: AwsAccess, ruleId: string, places: readonly Place[]): Promise<ReliedOnCheck> {
  const rule = await findRule(access, ruleId, places);
  return { summary: `security group rule ${ruleId} (relied on)`, problem: rule ? null : `Security group rule ${ruleId} is gone` };
}

async function findRule(access: AwsAccess, id: string, places: readonly Place[]): Promise<SecurityGroupRule | null> {
  for (const place of places) {
    try {
      const ec2 = access.ec2(place.account, place.region);
      const out = await callLog().run(ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [id] })));
      const rule = out.SecurityGroupRules?.find((r) => r.SecurityGroupRuleId === id);
      if (rule) return rule;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return null;
}
