import { erasedPersonLabel, serviceUserErasureViolation } from './service-user-erasure.rules';

describe('erasing a person supported', () => {
  it('is refused while support is ongoing', () => {
    expect(serviceUserErasureViolation({ endedOn: null }, '2026-11-25')).toMatchObject({
      rule: 'CARE.ERASURE_NOT_ALLOWED',
      message: expect.stringContaining('ongoing'),
    });
  });

  it('is refused up to and including the last day of support', () => {
    expect(serviceUserErasureViolation({ endedOn: '2026-12-31' }, '2026-11-25')?.message).toContain('until 2026-12-31');
    expect(serviceUserErasureViolation({ endedOn: '2026-11-25' }, '2026-11-25')?.rule).toBe('CARE.ERASURE_NOT_ALLOWED');
  });

  it('is allowed from the day after support ended', () => {
    expect(serviceUserErasureViolation({ endedOn: '2026-11-24' }, '2026-11-25')).toBeNull();
  });

  it('is refused while a safeguarding concern about the person is still open', () => {
    expect(serviceUserErasureViolation({ endedOn: '2026-11-24' }, '2026-11-25', 1)).toMatchObject({
      rule: 'CARE.ERASURE_NOT_ALLOWED',
      message: expect.stringContaining('1 safeguarding concern(s)'),
    });
    expect(serviceUserErasureViolation({ endedOn: '2026-11-24' }, '2026-11-25', 0)).toBeNull();
  });

  it('labels the record with a short, neutral reference', () => {
    expect(erasedPersonLabel('1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b')).toBe('Erased person #1b4e28ba');
  });
});
