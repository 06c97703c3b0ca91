/** One client VPC connection to a cluster, as ListClientVpcConnections tells the cluster's owner. */
export type ClientVpcConnection = {
  arn: string;
  /** The account that created it (MSK's `Owner`). */
  ownerAccount: string;
  /** SASL_IAM, SASL_SCRAM or TLS. */
  authentication: string;
  state: string;
  createdAt: string | null;
};

/** What a live portal request lets onto the cluster through multi-VPC connectivity. */
export type ConnectionGrant = {
  requestId: string;
  requestNumber: number;
  /** The client's account: the one the cluster policy statement names, or the owner's own. */
  accountId: string;
  /** The connections the request's own steps created, with the VPC each came from. */
  made: { arn: string; vpcId: string }[];
};

export type WatchedConnection = ClientVpcConnection & {
  /** Known only for connections the portal made: MSK does not tell the cluster's owner the client VPC. */
  vpcId: string | null;
  expectedBy: { requestId: string; requestNumber: number } | null;
  /** MSK rejects only AVAILABLE connections (developer guide, mvpc-cross-account-reject-connection). */
  rejectable: boolean;
};

/** A cluster's connections as read from MSK at `readAt`, or why they could not be read. */
export type ConnectionWatch = { ok: true; connections: WatchedConnection[]; readAt: string } | { ok: false; error: string };

/**
 * Which connections the portal's live requests account for: one a request made itself, else one from an account
 * a request granted. Anything else reached the cluster some other way and is marked not expected.
 */
export function watchConnections(
  connections: readonly ClientVpcConnection[],
  grants: readonly ConnectionGrant[],
): WatchedConnection[] {
  return connections.map((c) => {
    const maker = grants.find((g) => g.made.some((m) => m.arn === c.arn));
    const granted = maker ?? grants.find((g) => g.accountId === c.ownerAccount);
    return {
      ...c,
      vpcId: maker?.made.find((m) => m.arn === c.arn)?.vpcId ?? null,
      expectedBy: granted ? { requestId: granted.requestId, requestNumber: granted.requestNumber } : null,
      rejectable: c.state === "AVAILABLE",
    };
  });
}

const SCHEME_OF_AUTH: Record<string, "iam" | "scram" | "tls"> = { SASL_IAM: "iam", SASL_SCRAM: "scram", TLS: "tls" };

/** The multi-VPC scheme a connection's authentication needs, or null for a value MSK does not document. */
export function schemeOfConnection(authentication: string): "iam" | "scram" | "tls" | null {
  return SCHEME_OF_AUTH[authentication] ?? null;
}

/**
 * Connections that would stop working if their scheme were turned off: those still being made or in use.
 * DELETING, REJECTED, INACTIVE and FAILED ones carry no traffic any more.
 */
export function connectionCarriesTraffic(state: string): boolean {
  return state === "AVAILABLE" || state === "CREATING";
}

/** The accounts whose working connections use each of `schemes`, for the schemes that have any. */
export function schemeUsers<S extends "iam" | "scram" | "tls">(
  connections: readonly ClientVpcConnection[],
  schemes: readonly S[],
): Map<S, string[]> {
  const users = new Map<S, string[]>();
  for (const c of connections) {
    const scheme = schemeOfConnection(c.authentication);
    const asked = schemes.find((s) => s === scheme);
    if (!asked || !connectionCarriesTraffic(c.state)) continue;
    const accounts = users.get(asked) ?? [];
    if (!accounts.includes(c.ownerAccount)) accounts.push(c.ownerAccount);
    users.set(asked, accounts.sort());
  }
  return users;
}
