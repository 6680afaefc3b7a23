import { repeatedPolicyKey, sponsorStatusProblem, targetsProblem } from './spin-off.rules';

describe('spin-off rules', () => {
  it('lets a forming, registered or trading co-op sponsor a spin-off', () => {
    for (const status of ['forming', 'registered', 'trading'] as const) expect(sponsorStatusProblem(status)).toBeNull();
  });

  it('refuses a sponsor that is only proposed, suspended or gone, saying what it is', () => {
    for (const status of ['proposed', 'suspended', 'left'] as const) expect(sponsorStatusProblem(status)).toContain(`is ${status}`);
  });

  it('refuses a target to trade before the target to register', () => {
    expect(targetsProblem({ registeredBy: '2027-09-01', tradingBy: '2027-08-31' })).toContain('targets.tradingBy');
    expect(targetsProblem({ registeredBy: '2027-09-01', tradingBy: '2027-09-01' })).toBeNull();
    expect(targetsProblem({ tradingBy: '2020-01-01' })).toBeNull();
    expect(targetsProblem({})).toBeNull();
  });

  it('finds a policy given twice', () => {
    expect(repeatedPolicyKey([{ key: 'lone-working' }, { key: 'complaints' }, { key: 'lone-working' }])).toBe('lone-working');
    expect(repeatedPolicyKey([{ key: 'lone-working' }, { key: 'complaints' }])).toBeNull();
  });
});
