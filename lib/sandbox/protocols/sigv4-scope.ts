/**
 * The SigV4 credential scope tells which service and region the SDK meant, since all
 * services share one endpoint here. Signatures are not verified: the sandbox trusts callers.
 */
export type CredentialScope = { accessKeyId: string; region: string; service: string };

export function parseCredentialScope(authorization: string | undefined): CredentialScope | undefined {
  if (!authorization) return undefined;
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization);
  if (!m || !m[1] || !m[2] || !m[3]) return undefined;
  return { accessKeyId: m[1], region: m[2], service: m[3] };
}
