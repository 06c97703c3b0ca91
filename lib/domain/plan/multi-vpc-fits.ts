/**
 * Whether MSK multi-VPC private connectivity could reach this client at all: same Region only, and not with
 * plaintext (AWS: aws-access-mult-vpc). The planner's overlap remedy, the filing refusal and the one-click
 * recommendation all ask this, so they never offer a way out AWS would refuse.
 */
export function multiVpcFits(clientRegion: string, clusterRegion: string, authModes: readonly string[]): boolean {
  return clientRegion === clusterRegion && !authModes.includes("plaintext");
}
