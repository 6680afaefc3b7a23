import { formatPaymentCode, parsePaymentCode, PAYMENT_CODE_MAX_LENGTH } from './payment-code';

describe('payment codes', () => {
  const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 7 + 3);

  it('routes to the co-op that made it and keeps a secret of twenty base-32 characters', () => {
    const code = formatPaymentCode('colne-valley', bytes);
    expect(code).toMatch(/^colne-valley\.[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(parsePaymentCode(code)).toEqual({ coopId: 'colne-valley', secret: code.split('.')[1] });
  });

  it('uses every byte it is given for one character, so different bytes give different codes', () => {
    const other = Uint8Array.from(bytes, (b, i) => (i === 19 ? b + 1 : b));
    expect(formatPaymentCode('holme', bytes)).not.toBe(formatPaymentCode('holme', other));
  });

  it.each([
    ['no dot', 'colne-valley7K3M9Q2XWV4T8R6P1N5H'],
    ['a lower-case secret', 'colne-valley.7k3m9q2xwv4t8r6p1n5h'],
    ['a letter Crockford leaves out', 'colne-valley.7K3M9Q2XWV4T8R6P1N5U'],
    ['a secret too short', 'colne-valley.7K3M9Q2XWV4T8R6P1N5'],
    ['a secret too long', 'colne-valley.7K3M9Q2XWV4T8R6P1N5HH'],
    ['a co-op id with a capital', 'Colne.7K3M9Q2XWV4T8R6P1N5H'],
    ['a co-op id ending in a hyphen', 'colne-.7K3M9Q2XWV4T8R6P1N5H'],
    ['two dots', 'colne.valley.7K3M9Q2XWV4T8R6P1N5H'],
    ['padding', ' colne.7K3M9Q2XWV4T8R6P1N5H'],
    ['too long in all', `${'a'.repeat(PAYMENT_CODE_MAX_LENGTH)}.7K3M9Q2XWV4T8R6P1N5H`],
  ])('is not a payment code with %s', (_why, text) => {
    expect(parsePaymentCode(text)).toBeNull();
  });

  it('is not a payment code when it is not text', () => {
    expect(parsePaymentCode(42)).toBeNull();
    expect(parsePaymentCode(null)).toBeNull();
  });

  it('refuses to make a code for something that is not a co-op id, or from too few bytes', () => {
    expect(() => formatPaymentCode('Not An Id', bytes)).toThrow(/co-op id/);
    expect(() => formatPaymentCode('holme', bytes.slice(0, 19))).toThrow(/random bytes/);
  });
});
