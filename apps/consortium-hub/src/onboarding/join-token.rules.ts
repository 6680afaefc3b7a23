import { createHash, randomBytes } from 'node:crypto';

/** What staff hand over: `ccmj_` and 32 random bytes as base64url (43 characters), JOIN_TOKEN_PATTERN. */
export function newJoinToken(random: Buffer = randomBytes(32)): string {
  if (random.length !== 32) throw new Error('a join token is made of 32 random bytes');
  return `ccmj_${random.toString('base64url')}`;
}

/**
 * The token's sha256 as hex: all the hub keeps. A token is found by its hash alone, so no comparison
 * ever runs over the secret itself, and a lookup's timing says nothing about how close a guess was.
 */
export function joinTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function joinTokenExpiry(issuedAt: Date, hours: number): Date {
  return new Date(issuedAt.getTime() + hours * 3_600_000);
}

export type JoinTokenState = 'waiting' | 'used' | 'revoked' | 'expired';

export interface JoinTokenTimes {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** Used and revoked are final; a token neither used nor revoked is expired from its expiry on (to the millisecond). */
export function joinTokenState(t: JoinTokenTimes, now: Date): JoinTokenState {
  if (t.usedAt) return 'used';
  if (t.revokedAt) return 'revoked';
  return now.getTime() >= t.expiresAt.getTime() ? 'expired' : 'waiting';
}

export interface JoinIssueFacts {
  /** The latest event of the journey's 'registered' stage, or null when it has none. */
  registeredStage: 'closed' | 'reopened' | null;
  coopStatus: string;
  hasKey: boolean;
  localities: number;
}

export type JoinIssueProblem = 'not-registered' | 'already-joined' | 'left' | 'no-locality';

/**
 * A join token is issued once the co-op is registered as a society (the journey's 'registered' stage
 * closed, and not reopened since), while it has no key, has not left, and has a locality its node can
 * start with.
 */
export function joinIssueProblem(f: JoinIssueFacts): JoinIssueProblem | null {
  if (f.registeredStage !== 'closed') return 'not-registered';
  if (f.coopStatus === 'left') return 'left';
  if (f.hasKey) return 'already-joined';
  if (f.localities === 0) return 'no-locality';
  return null;
}

/** The one command the new co-op's admin runs, as staff are shown it. */
export function joinCommand(hubUrl: string, token: string): string {
  return `node dist/apps/local-coop-node/main.js join --hub ${hubUrl} --token ${token}`;
}

/** Where the new node reaches this hub: PUBLIC_BASE_URL, else its own HOST and PORT (a developer's machine). */
export function hubUrlFor(config: { PUBLIC_BASE_URL?: string; HOST: string; PORT: number }): string {
  return (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}

/** The NATS addresses a joining node is given: ONBOARDING_NATS_URLS, else the hub's own NATS_URL. */
export function natsUrlsFor(config: { ONBOARDING_NATS_URLS?: string; NATS_URL: string }): string[] {
  return (config.ONBOARDING_NATS_URLS ?? config.NATS_URL)
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}
