import type { SubnetFacts } from "./facts";

/**
 * The Availability Zone an attachment needs a subnet in for this subnet's resources to reach the TGW: its
 * own, or for a Local Zone subnet its parent zone (Transit Gateway guide, tgw-vpc-attachments: Local Zone
 * subnets connect to a transit gateway through the parent Availability Zone).
 */
export function attachmentZoneOf(subnet: SubnetFacts): string {
  return subnet.edgeZone?.parentAzId || subnet.azId;
}

/** A TGW attachment takes neither a Local Zone (or Wavelength Zone) subnet nor an IPv6-only one. */
export function unfitForAttachment(subnet: SubnetFacts): string | null {
  if (subnet.edgeZone) return `${subnet.subnetId} is in a ${subnet.edgeZone.type === "local-zone" ? "Local Zone" : "Wavelength Zone"}`;
  if (subnet.ipv6Only === true) return `${subnet.subnetId} is IPv6-only`;
  return null;
}

export type AttachmentSubnetChoice = {
  /** One subnet per zone, in zone order. */
  subnetIds: string[];
  /** Zones the subnets' resources need that no fit subnet is in, with why the ones there are unfit. */
  uncovered: Array<{ azId: string; reasons: string[] }>;
};

/** One fit subnet per Availability Zone the given subnets need, the first by subnet id. */
export function chooseAttachmentSubnets(subnets: readonly SubnetFacts[]): AttachmentSubnetChoice {
  const needed = [...new Set(subnets.map(attachmentZoneOf))].sort();
  const sorted = [...subnets].sort((a, b) => a.subnetId.localeCompare(b.subnetId));
  const subnetIds: string[] = [];
  const uncovered: AttachmentSubnetChoice["uncovered"] = [];
  for (const azId of needed) {
    const fit = sorted.find((s) => s.azId === azId && unfitForAttachment(s) === null);
    if (fit) subnetIds.push(fit.subnetId);
    else {
      const reasons = sorted
        .filter((s) => attachmentZoneOf(s) === azId)
        .map((s) => unfitForAttachment(s))
        .filter((r): r is string => r !== null);
      uncovered.push({ azId, reasons });
    }
  }
  return { subnetIds, uncovered };
}
