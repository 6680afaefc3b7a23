import { randomUUID } from 'node:crypto';

import { findDefinition } from '../catalog';
import { checkAgainst } from '../validation';
import {
  TIME_CREDITS_FORWARDED_V1,
  TIME_CREDITS_SENT_V1,
  TIME_CREDITS_SETTLED_V1,
  TIME_CREDITS_WITHDRAWN_V1,
  TimeCreditsForwardedV1,
  TimeCreditsSentV1,
  TimeCreditsSettledV1,
  TimeCreditsWithdrawnV1,
} from './time-credits.v1';

const code = 'colne-valley.7K3M9Q2XWV4T8R6P1N5H';
const sent = { transferId: randomUUID(), paymentCode: code, minutes: 90 };

describe('the time-credit messages', () => {
  it('are in the catalogue, each in its direction', () => {
    expect(findDefinition('coop-to-hub', 'time-credits.sent', 1)).toBe(TIME_CREDITS_SENT_V1);
    expect(findDefinition('hub-to-coop', 'time-credits.forwarded', 1)).toBe(TIME_CREDITS_FORWARDED_V1);
    expect(findDefinition('hub-to-coop', 'time-credits.settled', 1)).toBe(TIME_CREDITS_SETTLED_V1);
    expect(findDefinition('hub-to-coop', 'time-credits.withdrawn', 1)).toBe(TIME_CREDITS_WITHDRAWN_V1);
    expect(findDefinition('coop-to-hub', 'time-credits.withdrawn', 1)).toBeUndefined();
    expect(findDefinition('hub-to-coop', 'time-credits.sent', 1)).toBeUndefined();
    expect(findDefinition('coop-to-hub', 'time-credits.settled', 1)).toBeUndefined();
  });

  it('accept a well-formed transfer, forward and settlement', () => {
    expect(checkAgainst(TimeCreditsSentV1, sent).ok).toBe(true);
    expect(checkAgainst(TimeCreditsForwardedV1, { ...sent, fromCoopId: 'holme-valley' }).ok).toBe(true);
    expect(checkAgainst(TimeCreditsSettledV1, { transferId: sent.transferId, outcome: 'completed' }).ok).toBe(true);
    expect(checkAgainst(TimeCreditsWithdrawnV1, { transferId: sent.transferId, reason: 'colne-valley left' }).ok).toBe(true);
    expect(checkAgainst(TimeCreditsWithdrawnV1, { transferId: sent.transferId, reason: '' }).ok).toBe(false);
    expect(checkAgainst(TimeCreditsWithdrawnV1, { transferId: 'x', reason: 'left' }).ok).toBe(false);
    expect(checkAgainst(TimeCreditsSettledV1, { transferId: sent.transferId, outcome: 'refused', reason: 'the code has expired' }).ok).toBe(
      true,
    );
  });

  it.each([
    ['transferId', { ...sent, transferId: 'not-a-uuid' }],
    ['paymentCode', { ...sent, paymentCode: 'colne-valley.lowercase' }],
    ['minutes', { ...sent, minutes: 0 }],
    ['minutes', { ...sent, minutes: 100_001 }],
    ['minutes', { ...sent, minutes: 1.5 }],
    ['volunteerName', { ...sent, volunteerName: 'A Person' }],
  ])('refuse a sent transfer with a bad %s', (field, payload) => {
    const checked = checkAgainst(TimeCreditsSentV1, payload);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.join('; ')).toContain(field);
  });

  it('refuse a forward from something that is not a co-op id', () => {
    const checked = checkAgainst(TimeCreditsForwardedV1, { ...sent, fromCoopId: 'Holme Valley' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.join('; ')).toContain('fromCoopId');
  });

  it('refuse a refusal without its reason, and an outcome they do not know', () => {
    expect(checkAgainst(TimeCreditsSettledV1, { transferId: sent.transferId, outcome: 'refused' }).ok).toBe(false);
    expect(checkAgainst(TimeCreditsSettledV1, { transferId: sent.transferId, outcome: 'lost' }).ok).toBe(false);
    expect(checkAgainst(TimeCreditsSettledV1, { transferId: sent.transferId, outcome: 'refused', reason: 'x'.repeat(501) }).ok).toBe(false);
  });
});
