import { lotChangeRefusal } from './lot-change.rules';
import { TenderingErrors } from './tendering.errors';

describe('tendering refusals about the stage', () => {
  const deadline = new Date('2027-01-15T12:00:00Z');

  it('say the current stage, in the message and in details', () => {
    const cases = [
      TenderingErrors.notAssembled('assembling'),
      TenderingErrors.assemblyStale('assembling'),
      TenderingErrors.emptyBid('assembling'),
      TenderingErrors.deadlinePassed(deadline, 'draft'),
      TenderingErrors.lot(lotChangeRefusal('submitted', deadline, new Date('2027-01-10T00:00:00Z'))!),
    ];
    expect(cases.map((e) => [e.code, e.kind, e.details])).toEqual([
      ['TENDERING.NOT_ASSEMBLED', 'conflict', { currentStage: 'assembling' }],
      ['TENDERING.ASSEMBLY_STALE', 'conflict', { currentStage: 'assembling' }],
      ['TENDERING.EMPTY_BID', 'conflict', { currentStage: 'assembling' }],
      ['TENDERING.DEADLINE_PASSED', 'conflict', { currentStage: 'draft' }],
      ['TENDERING.LOTS_FIXED', 'conflict', { currentStage: 'submitted' }],
    ]);
    for (const e of cases) expect(e.message).toMatch(/the tender is (assembling|draft)|a tender that is submitted/);
  });

  it('leave details out of a lot refusal that is not about the stage', () => {
    expect(
      TenderingErrors.lot({ rule: 'TENDERING.LOT_DATES', kind: 'invalid', message: 'endsOn is before startsOn' }).details,
    ).toBeUndefined();
  });
});
