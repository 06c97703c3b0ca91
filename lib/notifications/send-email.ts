import nodemailer from "nodemailer";

import { emailMessage } from "./email-message";
import type { EventPayload } from "@/lib/domain/notification-payload";
import type { MailSettings } from "@/lib/config/mail-settings";

const transports = new Map<string, nodemailer.Transporter>();

// One pooled transport per configuration and process, so a burst of notifications reuses the connection.
function transportFor(settings: MailSettings): nodemailer.Transporter {
  const key = JSON.stringify(settings.transport);
  let transport = transports.get(key);
  if (!transport) {
    const options = typeof settings.transport === "string" ? settings.transport : { ...settings.transport, pool: true };
    transport = nodemailer.createTransport(options);
    transports.set(key, transport);
  }
  return transport;
}

export async function sendEmail(settings: MailSettings, to: string, event: EventPayload, baseUrl: string): Promise<void> {
  const message = emailMessage(event, baseUrl);
  await transportFor(settings).sendMail({ from: settings.from, to, ...message });
}

/** Closes the pooled connections (a worker stopping, the end of a test). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
