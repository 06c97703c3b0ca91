import { KIT_ACCOUNT_KINDS } from "./account-kinds";
import { renderCloudFormation } from "./render-cloudformation";
import { renderTerraform } from "./render-terraform";
import { ROLE_POLICIES } from "./role-policy";

/** Every file of deploy/iam, by path below it, as `npm run iam` writes them. */
export function roleKitFiles(): Record<string, string> {
  const files: Record<string, string> = { "cloudformation/msk-portal-role.json": renderCloudFormation() };
  for (const [name, text] of Object.entries(renderTerraform())) files[`terraform/${name}`] = text;
  for (const kind of KIT_ACCOUNT_KINDS) files[`policies/${kind}.json`] = `${JSON.stringify(ROLE_POLICIES[kind], null, 2)}\n`;
  return files;
}
