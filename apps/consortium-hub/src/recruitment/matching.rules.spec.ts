import { fitOf, hoursBand, PoolCandidate, PoolVacancy, rankCandidates, rankVacancies, shownAttributes } from './matching.rules';

const vacancy: PoolVacancy = {
  coopId: 'holme-valley',
  vacancyId: 'v1',
  role: 'care-worker',
  contractType: 'permanent',
  minutesPerWeek: 1200,
  hourlyPayPence: 1300,
  paysRealLivingWage: true,
  locality: 'Holmfirth',
  startsOn: '2027-01-04',
};

let n = 0;
function candidate(over: Partial<PoolCandidate> = {}): PoolCandidate {
  n += 1;
  return {
    candidateId: `c${String(n).padStart(3, '0')}`,
    joinedPoolAt: new Date(Date.UTC(2026, 10, 1, 0, n)),
    localities: ['holmfirth', 'Honley'],
    rolesSought: ['care-worker'],
    minutesPerWeek: 1200,
    contractTypes: ['permanent', 'bank'],
    earliestStart: '2027-01-01',
    rightToWork: { evidence: 'share-code', expiresOn: '2028-01-01' },
    dbs: { status: 'clear', certificateDate: '2025-01-01', onUpdateService: true },
    drivingLicence: true,
    hasCar: true,
    languages: ['English'],
    requiresRealLivingWage: false,
    ...over,
  };
}

describe('matching a candidate to a vacancy', () => {
  it('scores a perfect fit 100, whatever the case of the locality', () => {
    expect(fitOf(candidate(), vacancy)).toEqual({ score: 100, hours: 'as-wanted', availableByStart: true, checksValidOnStart: true });
  });

  it.each<[string, Partial<PoolCandidate>, Partial<PoolVacancy>]>([
    ['a role not sought', { rolesSought: ['admin'] }, {}],
    ['a locality out of reach', { localities: ['Marsden'] }, {}],
    ['a contract type not accepted', { contractTypes: ['bank'] }, {}],
    ['pay under the Real Living Wage for one who asked for it', { requiresRealLivingWage: true }, { paysRealLivingWage: false }],
    ['a right to work that expires before the start', { rightToWork: { evidence: 'share-code', expiresOn: '2027-01-03' } }, {}],
  ])('finds no fit for %s', (_, c, v) => {
    expect(fitOf(candidate(c), { ...vacancy, ...v })).toBeNull();
  });

  it('still fits pay under the Real Living Wage for one who did not ask, and a right to work expiring on the start day', () => {
    expect(fitOf(candidate(), { ...vacancy, paysRealLivingWage: false })).not.toBeNull();
    expect(fitOf(candidate({ rightToWork: { evidence: 'share-code', expiresOn: '2027-01-04' } }), vacancy)).not.toBeNull();
  });

  it('scores down an applied-for DBS, a late start, hours far from those wanted and no car', () => {
    const base = fitOf(candidate(), vacancy)!.score;
    const applied = fitOf(candidate({ dbs: { status: 'applied', certificateDate: null, onUpdateService: null } }), vacancy)!;
    expect(applied.score).toBeLessThan(base);
    expect(applied.checksValidOnStart).toBe(false);
    const late = fitOf(candidate({ earliestStart: '2027-02-01' }), vacancy)!;
    expect(late.availableByStart).toBe(false);
    expect(late.score).toBeLessThan(base);
    const fewer = fitOf(candidate({ minutesPerWeek: 600 }), vacancy)!;
    expect(fewer.hours).toBe('more-than-wanted');
    expect(fitOf(candidate({ minutesPerWeek: 2400 }), vacancy)!.hours).toBe('fewer-than-wanted');
    expect(fitOf(candidate({ hasCar: false }), vacancy)!.score).toBe(base - 15);
    expect(fitOf(candidate(), { ...vacancy, contractType: 'bank', minutesPerWeek: 0 })!.hours).toBe('flexible');
  });

  it('ranks best first, the earlier to join first among equals, and caps the list', () => {
    const first = candidate();
    const second = candidate();
    const weaker = candidate({ hasCar: false });
    const misfit = candidate({ rolesSought: ['manager'] });
    const ranked = rankCandidates([weaker, second, misfit, first], vacancy, 2);
    expect(ranked.map((r) => [r.item.candidateId, r.rank])).toEqual([
      [first.candidateId, 1],
      [second.candidateId, 2],
    ]);
  });

  it('ranks the vacancies a candidate fits', () => {
    const other = { ...vacancy, vacancyId: 'v2', startsOn: '2026-12-20' };
    const elsewhere = { ...vacancy, vacancyId: 'v3', locality: 'Marsden' };
    expect(rankVacancies(candidate(), [vacancy, elsewhere, other], 10).map((r) => r.item.vacancyId)).toEqual(['v1', 'v2']);
  });
});

describe('what a co-op sees before consent', () => {
  it('shows nothing but the fit when fewer than k fit', () => {
    const shown = shownAttributes([candidate(), candidate()], 3);
    for (const a of shown.values()) expect(a).toEqual({ dbs: null, drives: null, hoursBand: null, languages: null });
  });

  it('shows everything shared by at least k, and languages only that k speak', () => {
    const crowd = [
      candidate({ languages: ['English', 'Urdu'] }),
      candidate({ languages: ['english'] }),
      candidate({ languages: ['ENGLISH'] }),
    ];
    const shown = shownAttributes(crowd, 3);
    for (const c of crowd)
      expect(shown.get(c.candidateId)).toEqual({
        dbs: 'clear-on-update-service',
        drives: true,
        hoursBand: '16-30',
        languages: ['English'],
      });
  });

  it('gives up attributes, one by one, for the candidate whose combination is rare, and no more', () => {
    const alike = [candidate(), candidate(), candidate()];
    const rare = candidate({ minutesPerWeek: 2400, hasCar: false });
    const shown = shownAttributes([...alike, rare], 3);
    expect(shown.get(alike[0].candidateId)).toEqual({
      dbs: 'clear-on-update-service',
      drives: true,
      hoursBand: '16-30',
      languages: ['English'],
    });
    // The rare one hides among all four only once its hours and driving are withheld.
    expect(shown.get(rare.candidateId)).toEqual({ dbs: 'clear-on-update-service', drives: null, hoursBand: null, languages: null });
    // Every combination shown is shared by at least k of the crowd.
    const all = [...shown.values()].map((a) => JSON.stringify(a));
    for (const [id, a] of shown) {
      const c = [...alike, rare].find((x) => x.candidateId === id)!;
      const sharing = [...alike, rare].filter(
        (o) =>
          (a.dbs === null || a.dbs === 'clear-on-update-service') &&
          (a.drives === null || a.drives === (o.drivingLicence && o.hasCar)) &&
          (a.hoursBand === null || a.hoursBand === hoursBand(o.minutesPerWeek)),
      );
      expect(sharing.length).toBeGreaterThanOrEqual(3);
      expect(c).toBeDefined();
    }
    expect(all).toHaveLength(4);
  });

  it('bands hours coarsely', () => {
    expect([hoursBand(60), hoursBand(960), hoursBand(1800), hoursBand(1860)]).toEqual(['1-15', '16-30', '16-30', '31+']);
  });
});
