import { checkForm } from '@app/web';

import { CloseStageDto, ReopenStageDto } from '../onboarding';
import { GrantExceptionDto, SUPPRESSED } from '../reporting';
import { EXCEPTION_MESSAGES, exceptionBody } from './cycle-pages.rules';
import { boxLabel, familyTree, LineageCoop } from './family-tree.rules';
import { CLOSE_MESSAGES, closeStageBody, REOPEN_MESSAGES, reopenStageBody, stageLabel, typedDate } from './journey-pages.rules';
import { figureText, hoursPerWeek, vacanciesByCoop } from './pool-pages.rules';
import { connectivityTag, pageNumber, pagination, statusLabel, timeAgo } from './registry-pages.rules';
import { trendChart, trendRows } from './trend-chart.rules';

describe('the registry page’s words', () => {
  it('names each connectivity and status, and says how long ago a heartbeat came', () => {
    expect(connectivityTag('online').text).toBe('Online');
    expect(connectivityTag('never-seen').text).toBe('Never seen');
    expect(statusLabel('trading')).toBe('Trading');
    const now = new Date('2026-12-04T12:00:00Z');
    expect(timeAgo('2026-12-04T11:59:59Z', now)).toBe('1 second ago');
    expect(timeAgo('2026-12-04T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-12-02T12:00:00Z', now)).toBe('2 days ago');
    expect(timeAgo(null, now)).toBe('never');
  });

  it('reads a page number from the query, the first page for anything else', () => {
    expect(['2', '1', '0', '-1', 'x', '', undefined, ['2']].map(pageNumber)).toEqual([2, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('pages a long registry, and leaves a short one unpaged', () => {
    expect(pagination('/registry', 1, 100, 100)).toBeNull();
    expect(pagination('/registry', 2, 250, 100)).toEqual({
      previous: { href: '/registry?page=1' },
      next: { href: '/registry?page=3' },
      items: [
        { number: 1, href: '/registry?page=1', current: false },
        { number: 2, href: '/registry?page=2', current: true },
        { number: 3, href: '/registry?page=3', current: false },
      ],
    });
  });
});

describe('the pool page', () => {
  it('shows a suppressed count as suppressed, never as 0', () => {
    expect(figureText(SUPPRESSED)).toEqual({ text: 'suppressed', suppressed: true });
    expect(figureText(0)).toEqual({ text: '0', suppressed: false });
    expect(figureText(null)).toEqual({ text: 'none', suppressed: false });
  });

  it('writes hours a week for people', () => {
    expect(hoursPerWeek(2250)).toBe('37.5 hours');
    expect(hoursPerWeek(60)).toBe('1 hour');
  });

  it('groups vacancies by co-op name, with their requests to hire by status', () => {
    const vacancy = (coopId: string, coopName: string, waiting = 0) => ({
      coopId,
      coopName,
      vacancyId: `${coopId}-v`,
      revision: 1,
      state: 'pooled' as const,
      role: 'care-worker' as const,
      contractType: 'permanent' as const,
      minutesPerWeek: 1200,
      hourlyPayPence: 1400,
      paysRealLivingWage: true,
      locality: 'Marsden',
      startsOn: '2027-01-04',
      firstPooledAt: '2026-11-01T09:00:00.000Z',
      changedAt: '2026-11-01T09:00:00.000Z',
      closedAt: null,
      requests: { waiting, accepted: 0, hired: 0, declined: 0, withdrawn: 0, closed: 0 },
    });
    const groups = vacanciesByCoop([vacancy('b', 'Zed Co-op', 2), vacancy('a', 'Ash Co-op'), vacancy('b', 'Zed Co-op')]);
    expect(groups.map((g) => [g.coopId, g.vacancies.length])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(groups[1].vacancies[0]).toMatchObject({ role: 'Care worker', pay: '£14.00 an hour (Real Living Wage)', requests: '2 waiting' });
    expect(groups[0].vacancies[0].requests).toBe('none');
  });
});

describe('the journey forms', () => {
  it('names the stages for people', () => {
    expect(stageLabel('first-board-elected')).toBe('First board elected');
    expect(stageLabel('cqc-registration')).toBe('CQC registration');
  });

  it('reads a date from its three boxes, and lets the API’s DTO refuse one that is no date', async () => {
    expect(typedDate({ 'd-day': '7', 'd-month': '3', 'd-year': '2027' }, 'd')).toBe('2027-03-07');
    expect(typedDate({ 'd-day': '', 'd-month': '', 'd-year': '' }, 'd')).toBeUndefined();
    expect(typedDate({ 'd-day': '7', 'd-year': '2027' }, 'd')).toBe('2027-xx-07');
    const bad = await checkForm(
      CloseStageDto,
      closeStageBody({ what: 'Minutes', reference: 'R1', 'date-day': '31', 'date-month': '2', 'date-year': '2027' }),
      CLOSE_MESSAGES,
    );
    expect(bad).toEqual({ errors: [{ field: 'evidence.date', text: CLOSE_MESSAGES['evidence.date'] }] });
  });

  it('checks a stage’s evidence with the API’s own DTO, a blank field counting as missing', async () => {
    const good = await checkForm(
      CloseStageDto,
      closeStageBody({ what: ' Minutes ', reference: 'R1', 'date-day': '1', 'date-month': '2', 'date-year': '2027' }),
    );
    expect('dto' in good && good.dto.evidence).toEqual({ what: 'Minutes', reference: 'R1', date: '2027-02-01' });
    const blank = await checkForm(
      CloseStageDto,
      closeStageBody({ what: '  ', reference: '', 'date-day': '1', 'date-month': '2', 'date-year': '2027' }),
      CLOSE_MESSAGES,
    );
    expect('errors' in blank && blank.errors.map((e) => e.field)).toEqual(['evidence.what', 'evidence.reference']);
    const reopen = await checkForm(ReopenStageDto, reopenStageBody({ reason: ' ' }), REOPEN_MESSAGES);
    expect(reopen).toEqual({ errors: [{ field: 'reason', text: REOPEN_MESSAGES.reason }] });
  });
});

describe('the exception form', () => {
  it('reads the date and a UK time as the API’s instant, the end of the day when no time is given', () => {
    expect(
      exceptionBody({ 'until-day': '20', 'until-month': '1', 'until-year': '2027', 'until-time': '17:00', reason: ' Flood ' }),
    ).toEqual({
      until: '2027-01-20T17:00:00.000Z',
      reason: 'Flood',
    });
    expect(exceptionBody({ 'until-day': '20', 'until-month': '1', 'until-year': '2027', 'until-time': '' }).until).toBe(
      '2027-01-20T23:59:00.000Z',
    );
    // In summer the UK clock is an hour ahead of UTC.
    expect(exceptionBody({ 'until-day': '1', 'until-month': '7', 'until-year': '2027', 'until-time': '9:30' }).until).toBe(
      '2027-07-01T08:30:00.000Z',
    );
    expect(exceptionBody({ reason: 'Flood' })).toEqual({ reason: 'Flood' });
  });

  it('lets the API’s DTO refuse a time or a date that is not one', async () => {
    for (const form of [
      { 'until-day': '20', 'until-month': '1', 'until-year': '2027', 'until-time': '5pm', reason: 'Flood' },
      { 'until-day': '30', 'until-month': '2', 'until-year': '2027', reason: 'Flood' },
      { 'until-day': '20', 'until-month': '1', 'until-year': '27', reason: 'Flood' },
      { reason: 'Flood' },
    ])
      expect(await checkForm(GrantExceptionDto, exceptionBody(form), EXCEPTION_MESSAGES)).toEqual({
        errors: [{ field: 'until', text: EXCEPTION_MESSAGES.until }],
      });
  });
});

describe('the family tree', () => {
  const coop = (id: string, generation: number, children: string[] = []): LineageCoop => ({
    id,
    name: `${id} co-op`,
    status: 'trading',
    generation,
    children,
    journeyId: null,
  });

  it('puts each sponsor above the middle of its spin-offs, a generation a row', () => {
    const tree = familyTree(['a', 'z'], [coop('a', 1, ['b', 'c']), coop('z', 1), coop('b', 2), coop('c', 2, ['d']), coop('d', 3)]);
    const at = Object.fromEntries(tree.boxes.map((b) => [b.id, [b.x, b.y]]));
    expect(at.b[1]).toBe(at.c[1]);
    expect(at.a[0]).toBe((at.b[0] + at.c[0]) / 2);
    expect(at.d[0]).toBe(at.c[0]);
    expect(at.z[0]).toBeGreaterThan(at.c[0]);
    expect(tree.lines).toHaveLength(3);
    expect(tree.width).toBe(3 * 180 + 10);
    expect(tree.height).toBe(3 * 90 + 10);
    expect(tree.branches.map((b) => [b.id, b.children.map((c) => c.id)])).toEqual([
      ['a', ['b', 'c']],
      ['z', []],
    ]);
  });

  it('draws each co-op once, and shortens a long name to fit its box', () => {
    const tree = familyTree(['a'], [coop('a', 1, ['b', 'b']), coop('b', 2)]);
    expect(tree.boxes.map((b) => b.id)).toEqual(['a', 'b']);
    expect(boxLabel('Holme Valley Community Care Co-operative')).toBe('Holme Valley Comm…');
  });
});

describe('the trend chart', () => {
  const point = (period: string, total: number | typeof SUPPRESSED | null, change: number | null = null) => ({
    period,
    coopsCovered: 3,
    total,
    change,
  });

  it('leaves a gap for a suppressed or unrecorded figure, never a point at 0', () => {
    const chart = trendChart('people', [point('2026-Q1', 10), point('2026-Q2', SUPPRESSED), point('2026-Q3', 20), point('2026-Q4', 30)]);
    expect(chart.marks.map((m) => [m.period, m.y === null ? null : 'drawn', m.text])).toEqual([
      ['2026-Q1', 'drawn', '10'],
      ['2026-Q2', null, 'suppressed'],
      ['2026-Q3', 'drawn', '20'],
      ['2026-Q4', 'drawn', '30'],
    ]);
    expect(chart.lines).toHaveLength(1);
    expect(chart.marks[3].y).toBe(chart.top);
    expect(chart.scale).toMatchObject({ top: '30', bottom: '0' });
  });

  it('has nothing to draw when every figure is held back', () => {
    expect(trendChart('people', [point('2026-Q1', SUPPRESSED)]).drawn).toBe(false);
    expect(trendChart('hours', [point('2026-Q1', 5)]).marks[0].x).toBe(70 + 550 / 2);
  });

  it('writes the table: rates with their sign, suppressed as suppressed', () => {
    expect(trendRows('percent', [point('2026-Q1', 40.5), point('2026-Q2', 42, 1.5), point('2026-Q3', null)])).toEqual([
      { period: '2026-Q1', text: '40.5%', status: 'shown', change: '–', coopsCovered: 3, release: null },
      { period: '2026-Q2', text: '42%', status: 'shown', change: '+1.5 points', coopsCovered: 3, release: null },
      { period: '2026-Q3', text: 'not applicable', status: 'not-applicable', change: '–', coopsCovered: 3, release: null },
    ]);
    expect(trendRows('people', [point('2026-Q1', SUPPRESSED, -2)])[0]).toMatchObject({ text: 'suppressed', change: '-2' });
  });
});
