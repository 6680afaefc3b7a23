import { COOP_ID_PATTERN } from '@app/contracts';

import { Principal, TokenAuthority } from './principal';

/** A member id is the UUID (v4, lower case) the node gave the member; anything else never reaches a query. */
export const MEMBER_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A token issued this far ahead of our clock is refused: its lifetime would start later than it claims. */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenLimits {
  /** Longest lifetime (exp - iat) a token may claim. */
  maxLifetimeSeconds: number;
}

export type ClaimsCheck = { ok: true; principal: Principal } | { ok: false; reason: string };

/**
 * The rules a token's claims must meet for this app, on top of its signature: exactly its issuer, its
 * audience as one string (a list is refused even when it names the app, so a token minted for several
 * apps is good for none), an expiry and issue time with a bounded lifetime, and a subject and role it
 * knows, with the ids a role needs in their proper shape. The reason names the claim, never its value.
 */
export function checkClaims(claims: unknown, authority: TokenAuthority, limits: TokenLimits, nowSeconds: number): ClaimsCheck {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return refuse('the payload is not a claims object');
  const c = claims as Record<string, unknown>;
  if (c.iss !== authority.issuer) return refuse('iss is not this app');
  if (typeof c.aud !== 'string') return refuse('aud must be one string');
  if (c.aud !== authority.audience) return refuse('aud is not this app');
  if (!Number.isInteger(c.exp)) return refuse('exp is required');
  if (!Number.isInteger(c.iat)) return refuse('iat is required');
  const exp = c.exp as number;
  const iat = c.iat as number;
  if (exp <= nowSeconds) return refuse('the token has expired');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return refuse('iat is in the future');
  if (exp <= iat) return refuse('exp must be after iat');
  if (exp - iat > limits.maxLifetimeSeconds) return refuse(`the lifetime exceeds ${limits.maxLifetimeSeconds} s`);
  if (typeof c.sub !== 'string' || c.sub.length < 1 || c.sub.length > 200) return refuse('sub must be a string of 1 to 200 characters');
  if (typeof c.role !== 'string' || !authority.roles.includes(c.role)) return refuse(`role must be one of ${authority.roles.join(', ')}`);
  if (c.coopId !== undefined && !(typeof c.coopId === 'string' && COOP_ID_PATTERN.test(c.coopId)))
    return refuse('coopId must be a co-op id');
  if (c.memberId !== undefined && !(typeof c.memberId === 'string' && MEMBER_ID_PATTERN.test(c.memberId)))
    return refuse('memberId must be a UUID');
  if (c.role === 'coop' && c.coopId === undefined) return refuse('a coop token must name its coopId');
  if (c.role === 'member' && c.memberId === undefined) return refuse('a member token must name its memberId');
  if (c.role === 'candidate' && !MEMBER_ID_PATTERN.test(c.sub)) return refuse("a candidate token's sub must be the candidate's id, a UUID");
  if (c.role === 'candidate' && (c.coopId !== undefined || c.memberId !== undefined))
    return refuse('a candidate token names no coopId or memberId');
  const principal: Principal = { subject: c.sub, role: c.role };
  if (c.coopId !== undefined) principal.coopId = c.coopId as string;
  if (c.memberId !== undefined) principal.memberId = c.memberId as string;
  return { ok: true, principal };
}

function refuse(reason: string): ClaimsCheck {
  return { ok: false, reason };
}
