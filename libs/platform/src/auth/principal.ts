/** Who is calling, as read from a verified token. */
export interface Principal {
  subject: string;
  role: string;
  coopId?: string;
  memberId?: string;
}

/** `candidate`: a person in the recruitment pool, signed in by a one-time code; the token's subject is their candidate id. */
export const HUB_ROLES = ['consortium-staff', 'commissioner', 'coop', 'candidate'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

export const NODE_ROLES = ['coop-admin', 'member'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/**
 * Whose tokens an app accepts. Each app is its own issuer and the only audience of its tokens, and
 * checks them with its own public key: a token one app minted means nothing to any other.
 */
export interface TokenAuthority {
  issuer: string;
  audience: string;
  roles: readonly string[];
}

export const HUB_AUDIENCE = 'ccm-hub';
export const nodeAudience = (coopId: string): string => `ccm-node:${coopId}`;

export const HUB_TOKENS: TokenAuthority = { issuer: HUB_AUDIENCE, audience: HUB_AUDIENCE, roles: HUB_ROLES };
export const nodeTokens = (coopId: string): TokenAuthority => ({
  issuer: nodeAudience(coopId),
  audience: nodeAudience(coopId),
  roles: NODE_ROLES,
});
