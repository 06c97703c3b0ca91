"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";

import { signIn, signOut } from "@/lib/auth/auth";
import { signInRateLimit } from "@/lib/auth/rate-limits";
import { formString } from "@/lib/forms/form-string";
import { devSignInEnabled, oidcEnabled } from "@/lib/config";

import { tooManySignIns } from "./sign-in-refusal";

export type SignInState = { message: string } | null;

export async function signInAsDevUser(_prev: SignInState, formData: FormData): Promise<SignInState> {
  if (!devSignInEnabled()) return { message: "The development sign-in is off on this server." };
  const limited = await signInRateLimit(await headers());
  if (limited) return { message: tooManySignIns(limited.retryAfterSeconds) };
  try {
    await signIn("dev", { email: formString(formData.get("email")), redirectTo: "/requests" });
  } catch (error) {
    // signIn ends in a redirect, which Next implements as a thrown value that must propagate.
    if (error instanceof AuthError) return { message: "No such active demo user." };
    throw error;
  }
  return null;
}

// A refused attempt says so and when to try again: a button that seems to do nothing gets pressed again.
export async function signInWithSso(): Promise<SignInState> {
  if (!oidcEnabled()) return { message: "Single sign-on is not configured on this server." };
  const limited = await signInRateLimit(await headers());
  if (limited) return { message: tooManySignIns(limited.retryAfterSeconds) };
  // Ends in a redirect to the identity provider, which Next implements as a thrown value.
  await signIn("oidc", { redirectTo: "/requests" });
  return null;
}

// Passed down from the root layout to the shared nav bar, which must not load Auth.js itself.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
