export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_LIFETIME_DAYS = [30, 90, 180, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIME_DAYS)[number];
export const DEFAULT_TOKEN_LIFETIME_DAYS: TokenLifetimeDays = 90;

export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read only",
  write: "Read and write",
};

// HTTP says which methods change nothing; every other method, including one added later, needs a write token,
// so a new route cannot forget to declare that it writes.
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function scopeAllows(scope: TokenScope, method: string): boolean {
  return scope === "write" || READ_METHODS.has(method.toUpperCase());
}

export function tokenExpiry(createdAt: Date, days: TokenLifetimeDays): Date {
  return new Date(createdAt.getTime() + days * 24 * 60 * 60 * 1000);
}
