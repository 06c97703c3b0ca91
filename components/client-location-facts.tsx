import { readClientLocation } from "./client-summary";

export function ClientLocationFacts({ value }: { value: unknown }) {
  const client = readClientLocation(value);
  if (!client) return <p className="text-sm text-rose-700">The stored client location could not be read.</p>;
  const rows: [string, string][] =
    client.type === "aws-vpc"
      ? [
          ["Location", "AWS VPC"],
          ["Account", client.accountId],
          ["Region", client.region],
          ["VPC", client.vpcId],
          ["Security groups", client.securityGroupIds.join(", ")],
          ["Subnets", client.subnetIds?.join(", ") ?? "all of the VPC's subnets"],
        ]
      : client.type === "on-prem"
        ? [
            ["Location", "On-premises"],
            ["CIDRs", client.cidrs.join(", ")],
          ]
        : [
            ["Location", "SaaS provider"],
            ["Provider", client.providerName],
            ["Account", client.accountId],
          ];
  return (
    <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="col-span-2 font-mono text-xs leading-5 break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
