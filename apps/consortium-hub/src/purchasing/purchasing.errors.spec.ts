import { PurchasingErrors } from './purchasing.errors';

describe('purchasing refusals', () => {
  it('say the round stays in its state when there is nobody to invite', () => {
    const e = PurchasingErrors.noCoopsToInvite('draft');
    expect([e.code, e.kind, e.details]).toEqual(['PURCHASING.NO_COOPS_TO_INVITE', 'conflict', { currentState: 'draft' }]);
    expect(e.message).toBe('the round is draft and there is no registered or trading co-op to invite: it stays draft');
  });
});
