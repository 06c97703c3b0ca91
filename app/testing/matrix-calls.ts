import type { ActionState } from "@/lib/auth/action-state";

export const PERSONAS = ["anonymous", "carol", "alice", "bob", "dana", "erin", "deactivated", "read-token"] as const;
/**
 * carol: requester of another team; alice: requester of the team that filed; bob: approver; dana: auditor; erin: admin;
 * deactivated: an admin of the filing team, deactivated with a live session and token; read-token: erin through a
 * read-only API token (API routes only: it is not a browser session).
 */
export type Persona = (typeof PERSONAS)[number];

/** What one call came to, in the terms the matrix asserts. */
export type Outcome = { allowed: boolean; detail: string };

export function actionOutcome(state: ActionState | { ok: boolean; message?: string } | null): Outcome {
  return { allowed: state?.ok === true, detail: JSON.stringify(state) };
}

export async function responseOutcome(response: Response): Promise<Outcome> {
  return { allowed: response.status < 300, detail: `${response.status} ${await response.text()}` };
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A successful server action that ends in redirect() throws Next's redirect signal; that is its success. */
export async function orRedirect(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return { ok: true, message: "redirected" };
    throw error;
  }
}
