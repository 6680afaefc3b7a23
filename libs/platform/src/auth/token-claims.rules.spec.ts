import { HUB_TOKENS, nodeTokens } from './principal';
import { checkClaims } from './token-claims.rules';

const NOW = 1_800_000_000;
const LIMITS = { maxLifetimeSeconds: 3600 };
const MEMBER = '3b241101-e2bb-4255-8caf-4136c566a962';
const node = nodeTokens('preston');
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'ann',
  role: 'coop-admin',
  iss: node.issuer,
  aud: node.audience,
  iat: NOW - 10,
  exp: NOW + 600,
  ...extra,
});

describe('the claims a token must carry', () => {
  it('accepts a well-formed token and reads its principal', () => {
    expect(checkClaims(claims({ role: 'member', memberId: MEMBER }), node, LIMITS, NOW)).toEqual({
      ok: true,
      principal: { subject: 'ann', role: 'member', memberId: MEMBER },
    });
    expect(
      checkClaims(
        { ...claims({ role: 'coop', coopId: 'preston' }), iss: HUB_TOKENS.issuer, aud: HUB_TOKENS.audience },
        HUB_TOKENS,
        LIMITS,
        NOW,
      ),
    ).toEqual({ ok: true, principal: { subject: 'ann', role: 'coop', coopId: 'preston' } });
  });

  it.each([
    ['an audience list, even of the app alone', { aud: [node.audience] }, 'aud must be one string'],
    ["another app's audience", { aud: 'ccm-hub' }, 'aud is not this app'],
    ['another issuer', { iss: 'ccm-node:colne-valley' }, 'iss is not this app'],
    ['no exp', { exp: undefined }, 'exp is required'],
    ['a fractional exp', { exp: NOW + 0.5 }, 'exp is required'],
    ['no iat', { iat: undefined }, 'iat is required'],
    ['an exp already past', { exp: NOW }, 'the token has expired'],
    ['an iat beyond the clock skew', { iat: NOW + 61, exp: NOW + 600 }, 'iat is in the future'],
    ['an exp before its iat', { iat: NOW + 30, exp: NOW + 20 }, 'exp must be after iat'],
    ['a lifetime one second too long', { iat: NOW - 1, exp: NOW + 3600 }, 'the lifetime exceeds 3600 s'],
    ['an empty subject', { sub: '' }, 'sub must be a string of 1 to 200 characters'],
    ['a subject that is not a string', { sub: ['ann'] }, 'sub must be a string of 1 to 200 characters'],
    ['a role of another app', { role: 'consortium-staff' }, 'role must be one of coop-admin, member'],
    ['a memberId that is not a UUID', { role: 'member', memberId: 'm-1' }, 'memberId must be a UUID'],
    ['a memberId in capitals', { role: 'member', memberId: MEMBER.toUpperCase() }, 'memberId must be a UUID'],
    ['a memberId that is a number', { role: 'member', memberId: 7 }, 'memberId must be a UUID'],
    ['a member role without a memberId', { role: 'member' }, 'a member token must name its memberId'],
    ['a coopId that is not a co-op id', { coopId: 'Preston Co-op' }, 'coopId must be a co-op id'],
  ])('refuses %s', (_name, extra, reason) => {
    expect(checkClaims(claims(extra), node, LIMITS, NOW)).toEqual({ ok: false, reason });
  });

  it('accepts a lifetime of exactly the maximum', () => {
    expect(checkClaims(claims({ iat: NOW - 1, exp: NOW + 3599 }), node, LIMITS, NOW).ok).toBe(true);
  });

  it('refuses a hub coop token without its coopId, and anything that is not a claims object', () => {
    expect(checkClaims({ ...claims({ role: 'coop' }), iss: HUB_TOKENS.issuer, aud: HUB_TOKENS.audience }, HUB_TOKENS, LIMITS, NOW)).toEqual(
      { ok: false, reason: 'a coop token must name its coopId' },
    );
    for (const payload of [null, 'text', [claims()], 42])
      expect(checkClaims(payload, node, LIMITS, NOW)).toEqual({ ok: false, reason: 'the payload is not a claims object' });
  });

  it("accepts a hub candidate token whose subject is the candidate's id, and nothing else for that role", () => {
    const hub = (extra: Record<string, unknown>) => ({
      ...claims({ role: 'candidate', ...extra }),
      iss: HUB_TOKENS.issuer,
      aud: HUB_TOKENS.audience,
    });
    expect(checkClaims(hub({ sub: MEMBER }), HUB_TOKENS, LIMITS, NOW)).toEqual({
      ok: true,
      principal: { subject: MEMBER, role: 'candidate' },
    });
    expect(checkClaims(hub({ sub: 'ann' }), HUB_TOKENS, LIMITS, NOW)).toEqual({
      ok: false,
      reason: "a candidate token's sub must be the candidate's id, a UUID",
    });
    expect(checkClaims(hub({ sub: MEMBER, coopId: 'preston' }), HUB_TOKENS, LIMITS, NOW)).toEqual({
      ok: false,
      reason: 'a candidate token names no coopId or memberId',
    });
    expect(checkClaims(claims({ role: 'candidate', sub: MEMBER }), node, LIMITS, NOW).ok).toBe(false);
  });
});
