import { readClientLocation } from "@/lib/domain/client-location";

export { readClientLocation };

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
