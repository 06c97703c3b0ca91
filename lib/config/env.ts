import { z } from "zod";

// The one place that reads process.env: every setting is validated here, at start, and a bad one
// stops the process with a message naming the variable.
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
    // "group=role,group=role": which identity-provider group grants which portal role.
    AUTH_OIDC_ROLE_MAP: z.string().default(""),
    // Groups named PREFIX<team-slug> make the user a member of that team.
    AUTH_OIDC_TEAM_PREFIX: z.string().default("team-"),
    DEV_SIGN_IN: booleanFlag.optional(),
    // A signed-in session ends this long after sign-in however active it is, and after this long without a visit.
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60 * 30).default(60),
    AWS_ENDPOINT_URL: z.url().optional(),
    AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be a region code like us-east-1").default("us-east-1"),
    PORTAL_ROLE_NAME: z.string().min(1).default("MskConnectivityPortal"),
    PORTAL_EXTERNAL_ID: z.string().min(1).optional(),
    // Run the provisioning worker inside the web server (the default), or only in `npm run worker` processes.
    PROVISIONER_IN_PROCESS: booleanFlag.default(true),
    PROVISIONER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    // How long a step may wait for AWS (undo as long as execute). MSK's rolling broker update for multi-VPC
    // connectivity takes 30 minutes or more per change, hours on large clusters.
    PROVISIONER_WAIT_DEADLINE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(240),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Where `npm run dev` listens: this machine only, since the development sign-in hands out any role.
    DEV_HOST: z.string().min(1).default("127.0.0.1"),
    // How many proxies (load balancer, ingress) sit in front of the portal and append to X-Forwarded-For. 0: none,
    // clients reach the portal directly and the header they send is not believed.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Requests per minute, counted in PostgreSQL so every server shares them; 0 turns a limit off.
    RATE_LIMIT_API_PER_TOKEN: z.coerce.number().int().min(0).default(600),
    RATE_LIMIT_API_PER_ADDRESS: z.coerce.number().int().min(0).default(1200),
    RATE_LIMIT_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
    // The portal's public URL (Auth.js reads it too); https makes session cookies Secure behind a TLS-terminating proxy.
    AUTH_URL: z.url().optional(),
    // Believe the Host and X-Forwarded-Host headers for the portal's own URL. On by default outside production; in
    // production set AUTH_URL, or this when a proxy you control sets the Host header.
    AUTH_TRUST_HOST: booleanFlag.optional(),
    // Bearer token Prometheus sends to /api/metrics; unset, the endpoint answers 404 and says how to turn it on.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // A `npm run worker` process counts its steps and AWS calls itself; set, it serves them on this port
    // (path /metrics, same METRICS_TOKEN), on this machine only unless WORKER_METRICS_HOST says otherwise.
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    WORKER_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
    // Unset: info, or warn under tests so a test run's output stays readable.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4566),
    SANDBOX_TIME_SCALE: z.coerce.number().positive().default(1),
    // E-mail notifications go through this SMTP server (smtp:// or smtps:// URL, or host/port/user/pass); unset: no e-mail.
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASS: z.string().min(1).optional(),
    // TLS from the first byte (port 465); otherwise STARTTLS when the server offers it.
    SMTP_SECURE: booleanFlag.default(false),
    MAIL_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET go together: set all three or none",
      });
    }
    if (env.WORKER_METRICS_PORT !== undefined && !env.METRICS_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["WORKER_METRICS_PORT"], message: "needs METRICS_TOKEN, the bearer token scrapes must send" });
    }
    if (env.SMTP_URL && env.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "set SMTP_URL or SMTP_HOST, not both" });
    }
    if ((env.SMTP_URL || env.SMTP_HOST) && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when e-mail is configured (SMTP_URL or SMTP_HOST), e.g. MSK portal <portal@example.com>" });
    }
    if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_AGE_HOURS * 60) {
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_MINUTES"], message: "cannot be longer than SESSION_MAX_AGE_HOURS" });
    }
    if (env.NODE_ENV === "production") {
      if (env.DEV_SIGN_IN === true) {
        ctx.addIssue({ code: "custom", path: ["DEV_SIGN_IN"], message: "the development sign-in cannot be on in production" });
      }
      if (!env.AUTH_SECRET) {
        ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
      }
      if (!env.DATABASE_URL) {
        ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required in production" });
      }
      if (!env.AUTH_URL && env.AUTH_TRUST_HOST !== true) {
        ctx.addIssue({
          code: "custom",
          path: ["AUTH_URL"],
          message: "is required in production (the portal's public https:// URL), or set AUTH_TRUST_HOST=1 behind a proxy that sets Host",
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

// Password-less sign-in as anyone: only on a development server (`npm run dev`, the end-to-end dev server)
// that asks for it, never by default.
export function devSignInAllowed(env: Env): boolean {
  return env.NODE_ENV === "development" && env.DEV_SIGN_IN === true;
}

export type ParseOptions = {
  // A `next build` output is production whatever NODE_ENV says when it is started: it has no business
  // offering the development sign-in or running without a secret and a database.
  productionBuild?: boolean;
};

export function parseEnv(source: Record<string, string | undefined>, options: ParseOptions = {}): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  if (options.productionBuild) cleaned.NODE_ENV = "production";
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
