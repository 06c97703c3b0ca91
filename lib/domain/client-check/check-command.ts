/**
 * The one line the requester runs on the client's host. The script is fetched first and run only if curl got
 * it: with `curl | bash`, a refused token would run an empty script and end "successfully".
 */
export function clientCheckCommand(origin: string, token: string): string {
  return `script=$(curl -fsS -H 'Authorization: Bearer ${token}' ${origin}/api/v1/client-checks/script) && bash -c "$script"`;
}
