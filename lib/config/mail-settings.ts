import { config } from "@/lib/config";

export type MailSettings = {
  from: string;
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
};

/** How e-mail is sent, from SMTP_URL or SMTP_HOST and friends; null when e-mail is not configured (it is off). */
export function mailSettings(): MailSettings | null {
  const env = config();
  if (!env.MAIL_FROM) return null;
  if (env.SMTP_URL) return { from: env.MAIL_FROM, transport: env.SMTP_URL };
  if (!env.SMTP_HOST) return null;
  const auth = env.SMTP_USER && env.SMTP_PASS ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined;
  return { from: env.MAIL_FROM, transport: { host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, ...(auth ? { auth } : {}) } };
}

/** The portal's own address for links in e-mails and webhook messages. */
export function portalBaseUrl(): string {
  const env = config();
  return (env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
