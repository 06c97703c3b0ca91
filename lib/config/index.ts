import { parseEnv, type Env } from "./env";

let cached: Env | undefined;

export function config(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function devSignInEnabled(): boolean {
  const env = config();
  return env.DEV_SIGN_IN ?? env.NODE_ENV !== "production";
}

export function oidcEnabled(): boolean {
  return Boolean(config().AUTH_OIDC_ISSUER);
}

export { ConfigError, parseEnv, type Env } from "./env";
