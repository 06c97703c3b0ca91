"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";

import { signIn, signOut } from "@/lib/auth/auth";
import { signInRateLimit } from "@/lib/auth/rate-limits";
import { formString } from "@/lib/forms/form-string";
import { devSignInEnabled, oidcEnabled } from "@/lib/config";

export type SignInState = { message: string } | null;

export async function signInAsDevUser(_prev: SignInState, formData: FormData): Promise<SignInState> {
  if (!devSignInEnabled()) return { message: "The development sign-in is off on this server." };
  const limited = await signInRateLimit(await headers());
  if (limited) return { message: `Too many sign-in attempts from this address; try again in ${limited.retryAfterSeconds} seconds.` };
  try {
    await signIn("dev", { email: formString(formData.get("email")), redirectTo: "/requests" });
  } catch (error) {
    // signIn ends in a redirect, which Next implements as a thrown value that must propagate.
    if (error instanceof AuthError) return { message: "No such active demo user." };
    throw error;
  }
  return null;
}

export async function signInWithSso(): Promise<void> {
  if (!oidcEnabled()) return;
  if (await signInRateLimit(await headers())) return;
  await signIn("oidc", { redirectTo: "/requests" });
}

// Passed down from the root layout to the shared nav bar, which must not load Auth.js itself.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
