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
    SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4566),
    SANDBOX_TIME_SCALE: z.coerce.number().positive().default(1),
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
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
