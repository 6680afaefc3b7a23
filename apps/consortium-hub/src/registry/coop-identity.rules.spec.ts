import {
  identityClash,
  nameKey,
  profileMadeAt,
  registrationNumberKey,
  sponsorClaimProblem,
  sponsorRecordProblem,
} from './coop-identity.rules';

const held = [
  { id: 'holme-valley', name: 'Holme Valley Care Co-op', registrationNumber: 'RS008123' },
  { id: 'preston', name: 'Preston Community Care', registrationNumber: null },
];

describe('co-op names and registration numbers', () => {
  it('compares names ignoring case, spaces, invisible characters and compatibility look-alikes', () => {
    const same = [
      'holme valley care co-op',
      'HOLME VALLEY CARE CO-OP',
      'HolmeValleyCareCo-op',
      ' Holme  Valley\tCare Co-op ',
      'Holme Valley\u200b Care\u00a0Co\u2011op',
      'Ｈｏｌｍｅ Ｖａｌｌｅｙ Care Co-op',
      'Holme Valley Care Co\u2010op',
    ];
    for (const name of same) expect(nameKey(name)).toBe(nameKey('Holme Valley Care Co-op'));
    expect(nameKey('ﬁeld care')).toBe(nameKey('Field Care'));
    expect(nameKey('Straße Care')).toBe(nameKey('STRASSE CARE'));
    expect(nameKey('Holme Valley Care')).not.toBe(nameKey('Holme Valley Care Co-op'));
  });

  it('compares registration numbers upper-case and without spaces', () => {
    expect(registrationNumberKey('rs 008 123')).toBe('RS008123');
    expect(registrationNumberKey('ＲＳ００８１２３')).toBe('RS008123');
    expect(registrationNumberKey('RS008124')).not.toBe('RS008123');
  });

  it("refuses another co-op's name, naming the co-op that holds it", () => {
    expect(identityClash({ coopId: 'newcomer', name: 'holme valley CARE co-op' }, held)).toEqual({
      rule: 'name-taken',
      heldBy: 'holme-valley',
    });
  });

  it("refuses another co-op's registration number, however it is spaced or cased", () => {
    expect(identityClash({ coopId: 'newcomer', name: 'Newcomer Care', registrationNumber: 'rs 008123' }, held)).toEqual({
      rule: 'registration-number-taken',
      heldBy: 'holme-valley',
    });
  });

  it("never finds a clash with the sender's own entry, nor with a co-op that has no number", () => {
    expect(identityClash({ coopId: 'holme-valley', name: 'Holme Valley Care Co-op', registrationNumber: 'RS008123' }, held)).toBeNull();
    expect(identityClash({ coopId: 'newcomer', name: 'Newcomer Care', registrationNumber: 'RS000001' }, held)).toBeNull();
    expect(identityClash({ coopId: 'newcomer', name: 'Newcomer Care' }, held)).toBeNull();
  });
});

describe('a sponsor named in a profile', () => {
  it('is accepted when it repeats the recorded sponsor, or when the profile names none', () => {
    expect(sponsorClaimProblem('holme-valley', 'colne-valley', 'colne-valley', true)).toBeNull();
    expect(sponsorClaimProblem('holme-valley', undefined, 'colne-valley', false)).toBeNull();
    expect(sponsorClaimProblem('holme-valley', undefined, null, false)).toBeNull();
  });

  it('is refused when it names the co-op itself, a co-op that does not exist, or any other than the recorded one', () => {
    expect(sponsorClaimProblem('holme-valley', 'holme-valley', null, true)).toBe('self');
    expect(sponsorClaimProblem('holme-valley', 'nowhere', null, false)).toBe('unknown');
    expect(sponsorClaimProblem('holme-valley', 'preston', null, true)).toBe('not-yours');
    expect(sponsorClaimProblem('holme-valley', 'preston', 'colne-valley', true)).toBe('not-yours');
  });
});

describe('a sponsor recorded by staff', () => {
  const sponsorOf = new Map<string, string | null>([
    ['colne-valley', null],
    ['holme-valley', 'colne-valley'],
    ['marsden', 'holme-valley'],
    ['preston', null],
  ]);

  it('may be any other co-op in the registry that does not descend from this one', () => {
    expect(sponsorRecordProblem('preston', 'colne-valley', sponsorOf)).toBeNull();
    expect(sponsorRecordProblem('marsden', 'preston', sponsorOf)).toBeNull();
  });

  it('may not be the co-op itself, an unknown co-op, or one it sponsors directly or further down', () => {
    expect(sponsorRecordProblem('preston', 'preston', sponsorOf)).toBe('self');
    expect(sponsorRecordProblem('preston', 'nowhere', sponsorOf)).toBe('unknown');
    expect(sponsorRecordProblem('colne-valley', 'holme-valley', sponsorOf)).toBe('loop');
    expect(sponsorRecordProblem('colne-valley', 'marsden', sponsorOf)).toBe('loop');
  });
});

describe('the time a profile counts as made at', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('is its own time when in the past, and its arrival when at most five minutes ahead', () => {
    expect(profileMadeAt('2026-11-25T11:00:00.000Z', now)).toEqual({ ok: true, at: new Date('2026-11-25T11:00:00Z') });
    expect(profileMadeAt('2026-11-25T12:05:00.000Z', now)).toEqual({ ok: true, at: now });
  });

  it('is refused more than five minutes ahead, so a profile dated 2999 cannot outrank every later change', () => {
    const verdict = profileMadeAt('2999-01-01T00:00:00.000Z', now);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/ahead of the receiver's clock/);
    expect(profileMadeAt('2026-11-25T12:05:00.001Z', now).ok).toBe(false);
  });
});
