import {
  acceptanceRefusal,
  closeRefusal,
  CoopForBrokerage,
  judgeAnswer,
  minutesOf,
  RequestState,
  secondsBetween,
  whoIsAsked,
} from './brokerage.rules';

const NOW = new Date('2027-03-01T10:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const coop = (id: string, overrides: Partial<CoopForBrokerage> = {}): CoopForBrokerage => ({
  id,
  status: 'trading',
  localities: ['Marsden'],
  servicesOffered: ['personal-care'],
  lastHeartbeatAt: ago(1_000),
  ...overrides,
});
const request = (overrides: Partial<RequestState> = {}): RequestState & { id: string } => ({
  id: 'r1',
  status: 'open',
  answerBy: null,
  timesOfDay: ['morning', 'evening'],
  daysPerWeek: 7,
  acceptedCoopId: null,
  ...overrides,
});

describe('who is asked about a package', () => {
  const marsden = { locality: 'Marsden', serviceTypes: ['personal-care' as const] };

  it('asks every online co-op that serves the locality and offers every service, in id order', () => {
    const asked = whoIsAsked(marsden, [coop('b'), coop('a'), coop('c', { localities: ['Holmfirth'] })], NOW, 15_000);
    expect(asked).toEqual({ asked: ['a', 'b'], offline: [] });
  });

  it('compares localities as the registry does, case and stray spaces aside', () => {
    expect(whoIsAsked({ ...marsden, locality: '  marsden ' }, [coop('a')], NOW, 15_000).asked).toEqual(['a']);
  });

  it('does not ask a co-op that offers only some of the services', () => {
    const both = { locality: 'Marsden', serviceTypes: ['personal-care' as const, 'domestic-help' as const] };
    const coops = [coop('a'), coop('b', { servicesOffered: ['personal-care', 'domestic-help'] })];
    expect(whoIsAsked(both, coops, NOW, 15_000).asked).toEqual(['b']);
  });

  it('lists a co-op whose heartbeat is older than the timeout, or never came, as offline and does not ask it', () => {
    const coops = [
      coop('a', { lastHeartbeatAt: ago(15_001) }),
      coop('b', { lastHeartbeatAt: null }),
      coop('c', { lastHeartbeatAt: ago(15_000) }),
    ];
    expect(whoIsAsked(marsden, coops, NOW, 15_000)).toEqual({
      asked: ['c'],
      offline: [
        { coopId: 'a', lastHeartbeatAt: ago(15_001) },
        { coopId: 'b', lastHeartbeatAt: null },
      ],
    });
  });

  it('asks only registered or trading co-ops', () => {
    const coops = ['proposed', 'forming', 'registered', 'trading', 'suspended', 'left'].map((status) => coop(status, { status }));
    expect(whoIsAsked(marsden, coops, NOW, 15_000).asked).toEqual(['registered', 'trading']);
  });
});

describe('judging an answer as it arrives', () => {
  const asked = { asked: true, answeredBefore: false, coopId: 'a' };
  const offer = { answer: 'offer' as const, timesOfDayCovered: ['morning' as const], daysPerWeekCovered: 7 };

  it('takes an answer in time as not late', () => {
    expect(judgeAnswer(request(), asked, offer, NOW)).toEqual({ late: false });
    expect(judgeAnswer(request({ answerBy: NOW }), asked, { answer: 'decline' }, NOW)).toEqual({ late: false });
  });

  it('records an answer after the deadline, or once the request is gone, as late', () => {
    expect(judgeAnswer(request({ answerBy: ago(1) }), asked, offer, NOW)).toEqual({ late: true });
    for (const status of ['placed', 'closed', 'expired'] as const)
      expect(judgeAnswer(request({ status }), asked, offer, NOW)).toEqual({ late: true });
  });

  it('refuses an answer from a co-op not asked, or a second answer', () => {
    expect(judgeAnswer(request(), { ...asked, asked: false }, offer, NOW)).toMatchObject({ rule: 'BROKERAGE.NOT_ASKED', kind: 'conflict' });
    expect(judgeAnswer(request(), { ...asked, answeredBefore: true }, offer, NOW)).toMatchObject({ rule: 'BROKERAGE.ALREADY_ANSWERED' });
  });

  it('refuses an offer of visits the request does not have', () => {
    expect(judgeAnswer(request(), asked, { ...offer, timesOfDayCovered: ['night'] }, NOW)).toMatchObject({
      rule: 'BROKERAGE.OFFER_OUTSIDE_REQUEST',
      message: 'timesOfDayCovered names night, which the request does not ask for',
    });
    expect(judgeAnswer(request({ daysPerWeek: 5 }), asked, { ...offer, daysPerWeekCovered: 6 }, NOW)).toMatchObject({
      rule: 'BROKERAGE.OFFER_OUTSIDE_REQUEST',
    });
  });
});

describe('accepting an offer', () => {
  const offer = { requestId: 'r1', kind: 'offer' as const, late: false, coopId: 'a' };

  it('accepts a timely offer on an open request within its deadline', () => {
    expect(acceptanceRefusal(request({ answerBy: new Date(NOW.getTime() + 1) }), offer, NOW)).toBeNull();
  });

  it('refuses the second of two acceptances racing, naming the co-op that has the package', () => {
    expect(acceptanceRefusal(request({ status: 'placed', acceptedCoopId: 'b' }), offer, NOW)).toEqual({
      rule: 'BROKERAGE.ALREADY_PLACED',
      kind: 'conflict',
      message: 'the request was already placed with b',
      details: { status: 'placed', acceptedCoopId: 'b' },
    });
  });

  it('refuses on a closed or expired request, or past the deadline', () => {
    expect(acceptanceRefusal(request({ status: 'closed' }), offer, NOW)).toMatchObject({
      rule: 'BROKERAGE.NOT_OPEN',
      details: { status: 'closed' },
    });
    expect(acceptanceRefusal(request({ status: 'expired' }), offer, NOW)).toMatchObject({ rule: 'BROKERAGE.NOT_OPEN' });
    expect(acceptanceRefusal(request({ answerBy: NOW }), offer, NOW)).toMatchObject({ rule: 'BROKERAGE.PAST_DEADLINE' });
  });

  it('refuses a decline, a late offer, or an answer to another request', () => {
    expect(acceptanceRefusal(request(), { ...offer, kind: 'decline' }, NOW)).toMatchObject({
      rule: 'BROKERAGE.NOT_AN_OFFER',
      kind: 'invalid',
    });
    expect(acceptanceRefusal(request(), { ...offer, late: true }, NOW)).toMatchObject({ rule: 'BROKERAGE.LATE_OFFER' });
    expect(acceptanceRefusal(request(), { ...offer, requestId: 'r2' }, NOW)).toMatchObject({
      rule: 'BROKERAGE.ANSWER_NOT_FOUND',
      kind: 'not-found',
    });
    expect(acceptanceRefusal(request(), undefined, NOW)).toMatchObject({ rule: 'BROKERAGE.ANSWER_NOT_FOUND' });
  });
});

describe('closing a request', () => {
  it('closes an open request only', () => {
    expect(closeRefusal(request())).toBeNull();
    expect(closeRefusal(request({ status: 'placed', acceptedCoopId: 'a' }))).toMatchObject({ rule: 'BROKERAGE.ALREADY_PLACED' });
    expect(closeRefusal(request({ status: 'expired' }))).toMatchObject({
      rule: 'BROKERAGE.NOT_OPEN',
      message: 'the request is expired already',
    });
  });
});

describe('units', () => {
  it('keeps hours a week to a tenth as whole minutes', () => {
    expect([0.5, 10.5, 14, 22.7, 336].map(minutesOf)).toEqual([30, 630, 840, 1362, 20160]);
  });

  it('counts whole seconds, never below zero', () => {
    expect(secondsBetween(NOW, new Date(NOW.getTime() + 1_999))).toBe(1);
    expect(secondsBetween(NOW, ago(5_000))).toBe(0);
  });
});
