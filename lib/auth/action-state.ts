import "server-only";

import { isExpectedError, type ExpectedErrorCode } from "@/lib/errors/expected-error";

export type ActionState =
  | { ok: true; message: string; data?: Record<string, string> }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: ExpectedErrorCode }
  | null;

// Server actions return one of these to useActionState instead of throwing: an expected error's message is
// meant for the user; anything else is logged here and replaced by a generic message.
export async function actionResult(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (isExpectedError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, code: error.code };
    console.error("server action failed", error);
    return { ok: false, message: "Something went wrong on our side. Nothing was changed; try again." };
  }
}
