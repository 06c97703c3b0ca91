import { devSignInAllowed, parseEnv, type Env } from "./env";
import { isProductionBuild } from "./production-build";

let cached: Env | undefined;

export function config(): Env {
  cached ??= parseEnv(process.env, { productionBuild: isProductionBuild() });
  return cached;
}

export function devSignInEnabled(): boolean {
  return !isProductionBuild() && devSignInAllowed(config());
}

export function oidcEnabled(): boolean {
  return Boolean(config().AUTH_OIDC_ISSUER);
}

export { ConfigError, devSignInAllowed, parseEnv, type Env } from "./env";
