import { JOIN_TOKEN_PATTERN } from '@app/contracts';

import {
  hubUrlFor,
  joinCommand,
  joinIssueProblem,
  joinTokenExpiry,
  joinTokenHash,
  joinTokenState,
  natsUrlsFor,
  newJoinToken,
} from './join-token.rules';

describe('join token rules', () => {
  it('makes a token of ccmj_ and 43 base64url characters from 32 random bytes, a new one every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newJoinToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(JOIN_TOKEN_PATTERN);
    expect(newJoinToken(Buffer.alloc(32, 0xff))).toBe(`ccmj_${'_'.repeat(42)}8`);
    expect(() => newJoinToken(Buffer.alloc(16))).toThrow('32 random bytes');
  });

  it('keeps the sha256 of the token as 64 hex characters, different for a token one character apart', () => {
    const token = newJoinToken(Buffer.alloc(32, 1));
    expect(joinTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(joinTokenHash(token)).toBe(joinTokenHash(token));
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(joinTokenHash(tampered)).not.toBe(joinTokenHash(token));
  });

  it('expires the token the configured hours after it was issued', () => {
    expect(joinTokenExpiry(new Date('2026-03-01T10:00:00Z'), 72).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  describe('state', () => {
    const expiresAt = new Date('2026-03-04T10:00:00Z');
    const at = (iso: string) => new Date(iso);

    it('is waiting until the millisecond before its expiry, expired from it', () => {
      expect(joinTokenState({ expiresAt, usedAt: null, revokedAt: null }, at('2026-03-04T09:59:59.999Z'))).toBe('waiting');
      expect(joinTokenState({ expiresAt, usedAt: null, revokedAt: null }, expiresAt)).toBe('expired');
    });

    it('is used or revoked for good, whatever the time', () => {
      const before = at('2026-03-02T00:00:00Z');
      expect(joinTokenState({ expiresAt, usedAt: before, revokedAt: null }, at('2027-01-01T00:00:00Z'))).toBe('used');
      expect(joinTokenState({ expiresAt, usedAt: null, revokedAt: before }, before)).toBe('revoked');
    });
  });

  describe('issuing', () => {
    const ready = { registeredStage: 'closed' as const, coopStatus: 'registered', hasKey: false, localities: 1 };

    it('is allowed once the registered stage is closed, for a co-op with no key', () => {
      expect(joinIssueProblem(ready)).toBeNull();
    });

    it('is refused while the registered stage is open or was reopened', () => {
      expect(joinIssueProblem({ ...ready, registeredStage: null })).toBe('not-registered');
      expect(joinIssueProblem({ ...ready, registeredStage: 'reopened' })).toBe('not-registered');
    });

    it('is refused for a co-op that has its key, has left, or has no locality', () => {
      expect(joinIssueProblem({ ...ready, hasKey: true })).toBe('already-joined');
      expect(joinIssueProblem({ ...ready, coopStatus: 'left', hasKey: true })).toBe('left');
      expect(joinIssueProblem({ ...ready, localities: 0 })).toBe('no-locality');
    });
  });

  it('gives the command with the public base URL, else the hub’s own address, and the NATS URLs given to nodes', () => {
    expect(hubUrlFor({ PUBLIC_BASE_URL: 'https://hub.example.coop/', HOST: '0.0.0.0', PORT: 3000 })).toBe('https://hub.example.coop');
    expect(hubUrlFor({ HOST: '127.0.0.1', PORT: 3000 })).toBe('http://127.0.0.1:3000');
    expect(joinCommand('https://hub.example.coop', 'ccmj_x')).toBe(
      'node dist/apps/local-coop-node/main.js join --hub https://hub.example.coop --token ccmj_x',
    );
    expect(natsUrlsFor({ ONBOARDING_NATS_URLS: 'tls://a:4222,tls://b:4222', NATS_URL: 'nats://127.0.0.1:4222' })).toEqual([
      'tls://a:4222',
      'tls://b:4222',
    ]);
    expect(natsUrlsFor({ NATS_URL: 'nats://127.0.0.1:4222' })).toEqual(['nats://127.0.0.1:4222']);
  });
});
