import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { attachment } from "../steps/support/tgw";
import type { Place, ReliedOnCheck } from "./relied-on-types";

/** An attachment made before, or by another request: the path runs through it only while it is available. */
export async function checkTgwAttachment(access: AwsAccess, id: string, places: readonly Place[]): Promise<ReliedOnCheck> {
  const summary = `transit gateway attachment ${id} (relied on)`;
  for (const place of places) {
    const a = await attachment(access.ec2(place.account, place.region), callLog(), id);
    if (!a) continue;
    return { summary, problem: a.State === "available" ? null : `Transit gateway attachment ${id} is ${a.State ?? "in an unknown state"}` };
  }
  return { summary, problem: `Transit gateway attachment ${id} is gone` };
}
