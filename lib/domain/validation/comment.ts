import { REQUEST_LIMITS } from "./request-limits";
import { safeText } from "./safe-text";

/** A comment on approve, reject or another transition: the requester and auditors read it. */
export const transitionCommentSchema = safeText({
  max: REQUEST_LIMITS.comment,
  tooLong: `Keep the comment under ${REQUEST_LIMITS.comment} characters`,
  multiline: true,
});
