import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { CONTRACT_TYPES, FUNDING_TYPES, SERVICE_TYPES } from '@app/contracts';
import { PeriodQuery, todayIso } from '@app/platform';
import { bars, checkForm, FieldError, formText, PageController, PageRoles, WebViews, wordsOf } from '@app/web';

import { CareReportQueries, ContinuityListQuery } from '../care';
import { ListTransfersQuery, periodViolation, TimeBankQueries } from '../volunteering';
import { WorkforceSummaryQueries } from '../workforce';
import { refusalOnField } from './admin-forms.rules';
import { pageNavigation } from './page-navigation';
import { SummaryPages } from './summary-pages.queries';

const PERIOD_MESSAGES = {
  from: 'Enter the first day as a date, for example 2026-01-01',
  to: 'Enter the last day as a date, for example 2026-03-31',
};
const MONTH_MESSAGES = { month: 'Enter a month, for example 2026-11' };

type QueryString = Record<string, unknown>;

/** This year so far: the period a summary shows until the admin chooses another (a blank field keeps its default). */
function thisYear(query: QueryString): QueryString {
  const today = todayIso();
  return { from: query.from || `${today.slice(0, 4)}-01-01`, to: query.to || today };
}

/** The ledger's purposes across co-ops in words; the others read well from their keys. */
const PURPOSE_WORDS: Record<string, string> = {
  'sent-to-coop': 'Paid to another co-op',
  'received-from-coop': 'Received from another co-op',
  'returned-by-coop': 'Given back by another co-op',
  'withdrawn-by-hub': 'Taken back: the payment was given back to the payer',
};

/** The clearing account's balance in words: who owes whom, in hours. */
function clearingWords(minutes: number, hours: (minutes: number) => string): string {
  if (minutes === 0) return 'Even: no co-op owes the other any hours';
  return minutes > 0
    ? `The consortium owes this co-op ${hours(minutes)} (more received from other co-ops than paid to them)`
    : `This co-op owes the consortium ${hours(-minutes)} (more paid to other co-ops than received from them)`;
}

/**
 * The co-op's summaries for its admin, as tables with a chart where a breakdown helps: the workforce,
 * care delivered and continuity of carers, and the time bank. The same queries and query DTOs as
 * `GET /workforce/summary`, `GET /care/summary`, `GET /care/continuity`, `GET /time-bank/summary` and
 * `GET /time-bank/transfers`; a period or month typed wrongly is shown beside its field (400).
 */
@PageRoles('coop-admin')
@PageController()
export class SummaryPagesController {
  constructor(
    private readonly workforce: WorkforceSummaryQueries,
    private readonly care: CareReportQueries,
    private readonly timeBank: TimeBankQueries,
    private readonly pages: SummaryPages,
    private readonly views: WebViews,
  ) {}

  @Get('admin/workforce')
  async workforceSummary(@Query() query: QueryString, @Req() req: Request, @Res() res: Response): Promise<void> {
    const period = thisYear(query);
    const base = {
      title: 'Workforce',
      navigation: pageNavigation(req, '/admin/workforce'),
      period: { from: formText(period.from), to: formText(period.to) },
    };
    const checked = await checkForm(PeriodQuery, period, PERIOD_MESSAGES);
    if ('errors' in checked) return this.views.sendErrors(req, res, 'admin-workforce.njk', base, checked.errors);
    try {
      const summary = await this.workforce.summary(checked.dto);
      const contracts = bars(CONTRACT_TYPES.map((c) => ({ label: wordsOf(c), value: summary.byContractType[c] })));
      const livingWage = `£${(summary.realLivingWagePencePerHour / 100).toFixed(2)}`;
      this.views.send(req, res, 'admin-workforce.njk', { ...base, summary, contracts, livingWage });
    } catch (error) {
      this.views.sendErrors(req, res, 'admin-workforce.njk', base, refusalOnField(error, 'to'));
    }
  }

  @Get('admin/care')
  async careSummary(@Query() query: QueryString, @Req() req: Request, @Res() res: Response): Promise<void> {
    const period = thisYear(query);
    const month = query.month || todayIso().slice(0, 7);
    const { offset } = query;
    const base = {
      title: 'Care',
      navigation: pageNavigation(req, '/admin/care'),
      period: { from: formText(period.from), to: formText(period.to) },
      month: formText(month),
    };
    const checkedPeriod = await checkForm(PeriodQuery, period, PERIOD_MESSAGES);
    const checkedMonth = await checkForm(ContinuityListQuery, { month, ...(offset !== undefined ? { offset } : {}) }, MONTH_MESSAGES);
    const errors: FieldError[] = [
      ...('errors' in checkedPeriod ? checkedPeriod.errors : []),
      ...('errors' in checkedMonth ? checkedMonth.errors : []),
    ];
    if ('errors' in checkedPeriod || 'errors' in checkedMonth) return this.views.sendErrors(req, res, 'admin-care.njk', base, errors);
    try {
      const [summary, continuity] = await Promise.all([this.care.summary(checkedPeriod.dto), this.care.continuity(checkedMonth.dto)]);
      const funding = bars(FUNDING_TYPES.map((f) => ({ label: wordsOf(f), value: summary.peopleByFundingType[f] })));
      const services = SERVICE_TYPES.map((s) => ({ label: wordsOf(s), ...summary.visitsByServiceType[s] }));
      const more = (at: number) =>
        `/admin/care?${new URLSearchParams({ from: base.period.from, to: base.period.to, month: base.month, offset: String(at) })}#continuity`;
      this.views.send(req, res, 'admin-care.njk', {
        ...base,
        summary,
        funding,
        services,
        continuity,
        next: continuity.offset + continuity.limit < continuity.total ? more(continuity.offset + continuity.limit) : null,
        previous: continuity.offset > 0 ? more(Math.max(0, continuity.offset - continuity.limit)) : null,
      });
    } catch (error) {
      this.views.sendErrors(req, res, 'admin-care.njk', base, refusalOnField(error, 'to'));
    }
  }

  @Get('admin/time-bank')
  async timeBankSummary(@Query() query: QueryString, @Req() req: Request, @Res() res: Response): Promise<void> {
    const base = {
      title: 'Time bank',
      navigation: pageNavigation(req, '/admin/time-bank'),
      period: { from: formText(query.from), to: formText(query.to) },
    };
    const checked = await checkForm(ListTransfersQuery, query, PERIOD_MESSAGES);
    if ('errors' in checked) return this.views.sendErrors(req, res, 'admin-time-bank.njk', base, checked.errors);
    const inverted = periodViolation(checked.dto.from, checked.dto.to);
    if (inverted)
      return this.views.sendErrors(req, res, 'admin-time-bank.njk', base, [
        { field: 'to', text: `The last day is before the first: ${inverted.message}` },
      ]);
    const [summary, transfers] = await Promise.all([
      this.timeBank.summary({ from: checked.dto.from, to: checked.dto.to }),
      this.timeBank.transfers(checked.dto),
    ]);
    const names = await this.pages.volunteerNames(
      transfers.items.flatMap((t) => [t.fromVolunteerId, t.toVolunteerId]).filter((id): id is string => id !== null),
    );
    const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;
    const purposes = Object.entries(summary.byPurpose).map(([purpose, totals]) => ({
      purpose: PURPOSE_WORDS[purpose] ?? wordsOf(purpose),
      ...totals,
      hours: hours(totals.minutes),
    }));
    const more = (at: number) =>
      `/admin/time-bank?${new URLSearchParams(Object.entries({ ...base.period, offset: String(at) }).filter(([, v]) => v !== ''))}#transfers`;
    this.views.send(req, res, 'admin-time-bank.njk', {
      ...base,
      summary: {
        ...summary,
        earnedHours: hours(summary.earned.minutes),
        exchangedHours: hours(summary.exchanged.minutes),
        clearing: clearingWords(summary.acrossCoops.clearingBalanceMinutes, hours),
        sentHours: hours(summary.acrossCoops.sent.minutes),
        receivedHours: hours(summary.acrossCoops.received.minutes),
      },
      chart: bars(purposes.map((p) => ({ label: p.purpose, value: p.minutes, text: p.hours }))),
      purposes,
      transfers: transfers.items.map((t) => ({
        ...t,
        purpose: PURPOSE_WORDS[t.purpose] ?? wordsOf(t.purpose),
        from: t.fromVolunteerId
          ? (names[t.fromVolunteerId] ?? 'a former volunteer')
          : t.purpose === 'earning'
            ? 'The co-op (for hours given)'
            : 'Another co-op (through the clearing account)',
        to: t.toVolunteerId ? (names[t.toVolunteerId] ?? 'a former volunteer') : 'Another co-op (through the clearing account)',
        hours: hours(t.minutes),
      })),
      total: transfers.total,
      next: transfers.offset + transfers.limit < transfers.total ? more(transfers.offset + transfers.limit) : null,
      previous: transfers.offset > 0 ? more(Math.max(0, transfers.offset - transfers.limit)) : null,
    });
  }
}
