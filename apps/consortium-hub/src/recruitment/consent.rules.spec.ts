import { CONSENT_WORDINGS, currentWording, wordingOf } from './consent.rules';

describe('consent wordings', () => {
  it('has exactly one current wording for the pool, and finds any version by kind and version', () => {
    expect(CONSENT_WORDINGS.filter((w) => w.kind === 'pool' && w.current)).toHaveLength(1);
    const pool = currentWording('pool')!;
    expect(wordingOf('pool', pool.version)).toBe(pool);
    expect(wordingOf('hire', pool.version)).toBeUndefined();
  });

  it('never reuses a version', () => {
    const versions = CONSENT_WORDINGS.map((w) => `${w.kind}:${w.version}`);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
