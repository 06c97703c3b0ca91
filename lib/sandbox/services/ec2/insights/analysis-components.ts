import type { XmlObject } from "../../../protocols/xml";

/** AnalysisComponent: the id and ARN of a resource on the path (EC2 API reference, "AnalysisComponent"). */
export type Component = { id: string; arn: string };

const RESOURCE_TYPES: Record<string, string> = {
  "eni-": "network-interface",
  "sg-": "security-group",
  "acl-": "network-acl",
  "rtb-": "route-table",
  "pcx-": "vpc-peering-connection",
  "tgw-attach-": "transit-gateway-attachment",
  "tgw-rtb-": "transit-gateway-route-table",
  "tgw-": "transit-gateway",
  "subnet-": "subnet",
  "vpc-": "vpc",
};

export function component(id: string, accountId: string, region: string): Component {
  const prefix = Object.keys(RESOURCE_TYPES).find((p) => id.startsWith(p)) ?? "";
  return { id, arn: `arn:aws:ec2:${region}:${accountId}:${RESOURCE_TYPES[prefix] ?? "resource"}/${id}` };
}

/** The account an ARN names (arn:aws:ec2:<region>:<account>:…); undefined for a plain id. */
export function accountOfArn(value: string): string | undefined {
  return /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(value)?.[1];
}

/** The resource id at the end of an ARN, or the value itself when it is an id. */
export function idOfArnOrId(value: string): string {
  return value.startsWith("arn:") ? (value.split("/").pop() ?? value) : value;
}

/** A hop of the forward or return path; the numbering is added once the path is complete. */
export type PathHop = XmlObject & { component: Component };

export function numbered(hops: PathHop[]): XmlObject[] {
  return hops.map((hop, i) => ({ sequenceNumber: i + 1, ...hop }));
}
