import type { NextRequest } from "next/server";

import { handlers } from "@/lib/auth/auth";
import { signInRateLimit, tooManyRequests } from "@/lib/auth/rate-limits";

export const { GET } = handlers;

// Every sign-in attempt that reaches Auth.js is a POST (credentials, the SSO start, sign-out); counted per
// client address so guessing cannot run at full speed.
export async function POST(request: NextRequest): Promise<Response> {
  const limited = await signInRateLimit(request.headers);
  if (limited) return tooManyRequests(limited, { error: "too-many-requests", message: `Too many sign-in attempts; try again in ${limited.retryAfterSeconds} s.` });
  return handlers.POST(request);
}
