import { routeLabel, tokenMatches } from './metrics.rules';

describe('metrics rules', () => {
  const token = 'a-long-operator-token-of-32-chars-or-more';

  it('accepts the operator token as a bearer token only', () => {
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(false);
    expect(tokenMatches(`Basic ${token}`, token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('Bearer ', token)).toBe(false);
  });

  it('labels a request by its route template, and every unmatched path alike', () => {
    expect(routeLabel('/coops/:id', true)).toBe('/coops/:id');
    expect(routeLabel(undefined, false)).toBe('unmatched');
    expect(routeLabel('/coops/:id', false)).toBe('unmatched');
  });
});
