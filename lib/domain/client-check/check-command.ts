/**
 * The one line the requester runs on the client's host. The script is fetched first and run only if curl got
 * it (with `curl | bash`, a refused token would run an empty script and end "successfully"). The token goes
 * to curl on its standard input and the script to bash on its own, so neither is in a process's arguments,
 * where another user of the host could read it.
 */
export function clientCheckCommand(origin: string, token: string): string {
  if (!/^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(origin)) throw new Error(`not a portal origin: ${origin}`);
  return `script=$(curl -fsS -H @- '${origin}/api/v1/client-checks/script' <<< 'Authorization: Bearer ${token}') && bash -s <<< "$script"`;
}
