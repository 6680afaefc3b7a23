import { checkAgainst, ReturnFiguresV1 } from '../index';

const valid = () => ({
  definitionId: 'ccm-quarterly',
  definitionVersion: 1,
  period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
  figures: [
    { metric: 'people_supported', breakdown: null, value: 12 },
    { metric: 'people_supported', breakdown: { funding_type: 'self-funder' }, value: null, suppressedOnNode: true },
    { metric: 'people_supported', breakdown: { locality: 'Marsden' }, value: 7 },
    { metric: 'care_hours_delivered', breakdown: { service_type: 'personal-care' }, value: 412.25 },
    { metric: 'local_supplier_spend', breakdown: null, value: null },
  ],
});

/** A return as plain JSON that a test may bend out of shape: any field set, replaced or deleted. */
type LooseReturn = { period?: Record<string, unknown>; figures: Record<string, unknown>[]; [field: string]: unknown };

const errorsOf = (plain: unknown) => {
  const checked = checkAgainst(ReturnFiguresV1, plain);
  return checked.ok ? [] : checked.errors;
};

describe('ReturnFiguresV1', () => {
  it('accepts figures with totals, cells, nulls and cells withheld on the node', () => {
    expect(errorsOf(valid())).toEqual([]);
  });

  it.each([
    [
      'a personal field beside a figure',
      (p: LooseReturn) => (p.figures[0].fullName = 'Ada Lovelace'),
      /figures\.0.*property fullName should not exist/,
    ],
    [
      'a person id as a breakdown',
      (p: LooseReturn) => (p.figures[1].breakdown = { member_id: '0f0e0d0c-0b0a-4998-8776-655443322110' }),
      /property member_id should not exist/,
    ],
    [
      'a funding type outside the vocabulary',
      (p: LooseReturn) => (p.figures[1].breakdown = { funding_type: 'private' }),
      /funding_type must be one of/,
    ],
    [
      'a free-text locality of 200 characters',
      (p: LooseReturn) => (p.figures[2].breakdown = { locality: 'x'.repeat(200) }),
      /locality must be shorter than or equal to 80/,
    ],
    ['a value given as text', (p: LooseReturn) => (p.figures[0].value = '12'), /value must be a number/],
    ['a value left out', (p: LooseReturn) => delete p.figures[0].value, /value must be a number/],
    ['a breakdown left out', (p: LooseReturn) => delete p.figures[0].breakdown, /breakdown must be an object/],
    ['an infinite value', (p: LooseReturn) => (p.figures[0].value = Infinity), /value must be a number/],
    ['a value past the bound', (p: LooseReturn) => (p.figures[0].value = 1e13), /value must not be greater than/],
    [
      'suppressedOnNode other than true',
      (p: LooseReturn) => (p.figures[1].suppressedOnNode = false),
      /suppressedOnNode must be equal to true/,
    ],
    [
      'a metric id that is not snake_case',
      (p: LooseReturn) => (p.figures[0].metric = 'People Supported'),
      /metric must be a snake_case metric id/,
    ],
    [
      'a period label of no kind',
      (p: LooseReturn) => (p.period!.label = '2026-13'),
      /label must be a month \(2026-05\), a calendar quarter/,
    ],
    ['a financial year whose years do not follow', (p: LooseReturn) => (p.period!.label = '2026/28'), /label must be a month/],
    [
      "dates that are not the label's",
      (p: LooseReturn) => (p.period!.label = '2026-08'),
      /start must be the first day of 2026-08, 2026-08-01/,
    ],
    ['a date that does not exist', (p: LooseReturn) => (p.period!.end = '2026-09-31'), /end must be a valid ISO 8601 date string/],
    ['a period left out', (p: LooseReturn) => delete p.period, /period should not be null or undefined/],
    ['an unknown top-level field', (p: LooseReturn) => (p.coopNotes = 'call Jo'), /property coopNotes should not exist/],
    ['a figure that is not an object', (p: LooseReturn) => (p.figures as unknown[]).push('people_supported=3'), /figures/],
    [
      'too many figures',
      (p: LooseReturn) => (p.figures = Array.from({ length: 2001 }, () => ({ metric: 'members', breakdown: null, value: 1 }))),
      /figures must contain no more than 2000 elements/,
    ],
  ])('refuses %s, naming the field', (_what, change, reason) => {
    const plain = valid();
    change(plain);
    expect(errorsOf(plain).join('; ')).toMatch(reason);
  });
});
