import { MemberErasureFacts, memberErasureRefusals } from './personal-data.rules';

const TODAY = '2026-11-25';
const gone = (overrides: Partial<MemberErasureFacts> = {}): MemberErasureFacts => ({
  withdrawnOn: '2026-10-01',
  volunteer: null,
  staff: [],
  ...overrides,
});

describe('erasing a member', () => {
  it('is allowed for a member who has withdrawn and has no other tie to the co-op', () => {
    expect(memberErasureRefusals(gone(), TODAY)).toEqual([]);
  });

  it('is refused while they are still a member, naming the register and the vote', () => {
    const [reason] = memberErasureRefusals(gone({ withdrawnOn: null }), TODAY);
    expect(reason).toMatch(/still a member.*register of members and shares/);
  });

  it('is refused while they still volunteer, up to the day they leave', () => {
    expect(memberErasureRefusals(gone({ volunteer: { leftOn: null, outstandingClaims: 0 } }), TODAY)).toEqual([
      expect.stringContaining('still volunteer'),
    ]);
    expect(memberErasureRefusals(gone({ volunteer: { leftOn: '2026-11-26', outstandingClaims: 0 } }), TODAY)).toHaveLength(1);
    expect(memberErasureRefusals(gone({ volunteer: { leftOn: TODAY, outstandingClaims: 0 } }), TODAY)).toEqual([]);
  });

  it('is refused while the co-op still owes them expenses', () => {
    expect(memberErasureRefusals(gone({ volunteer: { leftOn: '2026-01-01', outstandingClaims: 2 } }), TODAY)).toEqual([
      '2 expense claims are still to be paid or rejected, and the co-op must be able to pay them',
    ]);
  });

  it('is refused while they are employed, including on their last day', () => {
    expect(memberErasureRefusals(gone({ staff: [{ leftOn: null }] }), TODAY)).toEqual([expect.stringContaining('still employed')]);
    expect(memberErasureRefusals(gone({ staff: [{ leftOn: '2020-01-31' }, { leftOn: TODAY }] }), TODAY)).toHaveLength(1);
    expect(memberErasureRefusals(gone({ staff: [{ leftOn: '2026-11-24' }] }), TODAY)).toEqual([]);
  });

  it('gives every reason at once', () => {
    expect(
      memberErasureRefusals({ withdrawnOn: null, volunteer: { leftOn: null, outstandingClaims: 1 }, staff: [{ leftOn: null }] }, TODAY),
    ).toHaveLength(4);
  });
});
