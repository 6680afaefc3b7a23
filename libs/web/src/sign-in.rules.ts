/**
 * The app role a person signs in with, from the identity provider's claim: a string, or a list (as
 * Microsoft's app roles and group claims are). Each value goes through the configured map, or counts
 * as the role of the same name; the first that is one of the app's roles wins. None: no role here.
 */
export function roleFromClaim(claim: unknown, roleMap: ReadonlyMap<string, string>, appRoles: readonly string[]): string | null {
  const values = Array.isArray(claim) ? claim : [claim];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const role = roleMap.get(value) ?? value;
    if (appRoles.includes(role)) return role;
  }
  return null;
}

/** Where to go after sign-in: a path on this app only, never another site (an open redirect). */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[\x21-\x7e]*$/.test(next) || next.length > 500) return '/';
  return next;
}

/** A session lasts a fixed time from sign-in, however busy it is. */
export function sessionExpired(signedInAt: number, hours: number, now: number): boolean {
  return now - signedInAt >= hours * 3_600_000;
}
