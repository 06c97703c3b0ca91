import { clientLocationSchema, type ClientLocation } from "@/lib/domain/request-input";

// Requests store the client location as JSON; reading it back through the schema keeps the UI honest
// about its shape.
export function readClientLocation(value: unknown): ClientLocation | null {
  const parsed = clientLocationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function describeClient(value: unknown): string {
  const client = readClientLocation(value);
  if (!client) return "unknown client";
  switch (client.type) {
    case "aws-vpc":
      return `${client.vpcId} · ${client.accountId} · ${client.region}`;
    case "on-prem":
      return `On-premises ${client.cidrs.join(", ")}`;
    case "saas":
      return `${client.providerName} (SaaS, ${client.accountId})`;
  }
}
