import "server-only";

import { isExpectedError, type ExpectedErrorCode } from "@/lib/errors/expected-error";
import { incomingRequestId } from "@/lib/log/incoming-request-id";
import { logUnexpected, unexpectedErrorMessage } from "@/lib/log/log-unexpected";
import { withRequestId } from "@/lib/log/request-context";

export type ActionState =
  | { ok: true; message: string; data?: Record<string, string> }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: ExpectedErrorCode; reference?: string }
  | null;

// Server actions return one of these to useActionState instead of throwing: an expected error's message is
// meant for the user; anything else is logged here and replaced by a generic message with the log line's
// reference. The action runs under the page request's id, so its jobs and AWS calls log with it too.
export async function actionResult(run: () => Promise<ActionState>): Promise<ActionState> {
  return withRequestId(await incomingRequestId(), async () => {
    try {
      return await run();
    } catch (error) {
      if (isExpectedError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, code: error.code };
      const reference = logUnexpected(error, "server action failed");
      return { ok: false, message: unexpectedErrorMessage(reference), reference };
    }
  });
}
