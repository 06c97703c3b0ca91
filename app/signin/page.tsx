import { redirect } from "next/navigation";

import { currentUser } from "@/lib/auth/current-user";
import { devSignInEnabled, oidcEnabled } from "@/lib/config";
import { db } from "@/lib/db/client";

import { DevSignIn } from "./dev-sign-in";
import { signInRefusal } from "./sign-in-refusal";
import { SsoSignIn } from "./sso-sign-in";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentUser()) redirect("/requests");
  const refusal = signInRefusal((await searchParams).error);
  const users = devSignInEnabled()
    ? await db().user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, roles: true } })
    : [];
  return (
    <div className="mx-auto mt-12 max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold">MSK connectivity portal</h1>
      <p className="mt-1 text-sm text-slate-600">Get your Kafka client onto an MSK cluster&apos;s network.</p>
      <div className="mt-6 space-y-6">
        {refusal ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="sign-in-refusal">
            {refusal}
          </p>
        ) : null}
        {oidcEnabled() ? (
          <SsoSignIn />
        ) : null}
        {devSignInEnabled() ? (
          <DevSignIn users={users.map((u) => ({ email: u.email, name: u.name, roles: u.roles.join(", ") }))} />
        ) : null}
        {!oidcEnabled() && !devSignInEnabled() ? (
          <p className="text-sm text-rose-700">No sign-in method is configured. Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET.</p>
        ) : null}
      </div>
    </div>
  );
}
