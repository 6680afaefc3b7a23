import { roleFromClaim, safeReturnPath, sessionExpired } from './sign-in.rules';

describe('sign-in rules', () => {
  const HUB = ['consortium-staff', 'commissioner'];

  it('takes the role from a string claim or the first known value of a list', () => {
    expect(roleFromClaim('commissioner', new Map(), HUB)).toBe('commissioner');
    expect(roleFromClaim(['everyone', 'consortium-staff'], new Map(), HUB)).toBe('consortium-staff');
  });

  it('maps claim values through the configured map', () => {
    const map = new Map([['hub-commissioners', 'commissioner']]);
    expect(roleFromClaim(['hub-commissioners'], map, HUB)).toBe('commissioner');
  });

  it('gives no role for a role of another app, an unknown value or no claim', () => {
    expect(roleFromClaim(['coop-admin'], new Map(), HUB)).toBeNull();
    expect(roleFromClaim(undefined, new Map(), HUB)).toBeNull();
    expect(roleFromClaim([{ role: 'commissioner' }], new Map(), HUB)).toBeNull();
  });

  it('returns only to a path on this app', () => {
    expect(safeReturnPath('/reports/1?release=2')).toBe('/reports/1?release=2');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'reports', undefined, ['/x']]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });

  it('ends a session the configured hours after sign-in', () => {
    expect(sessionExpired(0, 8, 8 * 3_600_000 - 1)).toBe(false);
    expect(sessionExpired(0, 8, 8 * 3_600_000)).toBe(true);
  });
});
