import "server-only";

import { headers } from "next/headers";

import { config } from "@/lib/config";

import { publicOrigin } from "./public-origin";

/** The portal's public address for a server action: the configured URL, else the page request's Host. */
export async function actionOrigin(): Promise<string> {
  let incoming: Headers;
  try {
    incoming = await headers();
  } catch {
    // headers() throws outside a request (a script or a test calling the action): only the setting is known.
    incoming = new Headers();
  }
  return publicOrigin(config().AUTH_URL, incoming);
}
