import {
  expiresAt,
  hashNewCode,
  judgeTry,
  newCode,
  nextRequestAllowedAt,
  normaliseEmail,
  SIGN_IN_CODE,
  stillUsable,
  StoredCode,
} from './sign-in-code.rules';

describe('sign-in codes', () => {
  const now = new Date('2026-06-01T09:00:00Z');
  const stored = async (code: string, over: Partial<StoredCode> = {}): Promise<StoredCode> => ({
    ...(await hashNewCode(code, 'c2FsdA==')),
    expiresAt: expiresAt(now),
    failedTries: 0,
    usedAt: null,
    ...over,
  });

  it('makes six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });

  it('stores a salted hash that is not the code, and differs with the salt', async () => {
    const a = await hashNewCode('042917', 'salt-a');
    const b = await hashNewCode('042917', 'salt-b');
    expect(a.hash).not.toContain('042917');
    expect(a.hash).not.toBe(b.hash);
  });

  it('accepts the right code before it expires', async () => {
    expect(await judgeTry(await stored('042917'), '042917', now)).toBe('accepted');
    expect(await judgeTry(await stored('042917'), '042917', new Date(expiresAt(now).getTime() - 1))).toBe('accepted');
  });

  it('refuses a wrong code, an expired one, a spent one, an exhausted one, and none at all', async () => {
    expect(await judgeTry(await stored('042917'), '042918', now)).toBe('wrong');
    expect(await judgeTry(await stored('042917'), '042917', expiresAt(now))).toBe('expired');
    expect(await judgeTry(await stored('042917', { usedAt: now }), '042917', now)).toBe('none');
    expect(await judgeTry(await stored('042917', { failedTries: SIGN_IN_CODE.maxTries }), '042917', now)).toBe('too-many-tries');
    expect(await judgeTry(await stored('042917', { failedTries: SIGN_IN_CODE.maxTries - 1 }), '042917', now)).toBe('accepted');
    expect(await judgeTry(null, '042917', now)).toBe('none');
  });

  it('lasts ten minutes and lets the same address ask again after a minute', () => {
    expect(expiresAt(now).getTime() - now.getTime()).toBe(10 * 60_000);
    expect(nextRequestAllowedAt(now).getTime() - now.getTime()).toBe(60_000);
  });

  it('spends a code judged right only if it is still the same, unspent, unexhausted and unexpired', async () => {
    const code = await stored('042917');
    expect(stillUsable(code, code.salt, now)).toBe('accepted');
    expect(stillUsable(code, 'another salt', now)).toBe('none');
    expect(stillUsable({ ...code, usedAt: now }, code.salt, now)).toBe('none');
    expect(stillUsable({ ...code, failedTries: 5 }, code.salt, now)).toBe('too-many-tries');
    expect(stillUsable(code, code.salt, expiresAt(now))).toBe('expired');
    expect(stillUsable(null, code.salt, now)).toBe('none');
  });

  it('compares addresses without surrounding spaces or case', () => {
    expect(normaliseEmail('  Sam.Rivers@Example.ORG ')).toBe('sam.rivers@example.org');
  });
});
