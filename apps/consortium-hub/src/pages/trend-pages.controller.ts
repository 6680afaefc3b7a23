import { BadRequestException, Get, Header, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { PERIOD_TYPES, PeriodType } from '@app/contracts';
import { checkForm, PageController, PageRoles, WebViews } from '@app/web';

import { TrendQuery } from '../reporting';
import { pageNavigation } from './page-navigation';
import { TrendPages } from './trend-pages.queries';

/**
 * Trends across cycles for commissioners and staff: each metric's published figures period by period,
 * drawn as a line with the same figures in a table, and each metric's trend as CSV (the file GET
 * /reporting/trends.csv gives). Published releases only, for staff as for commissioners.
 */
@PageRoles('consortium-staff', 'commissioner')
@PageController()
export class TrendPagesController {
  constructor(
    private readonly pages: TrendPages,
    private readonly views: WebViews,
  ) {}

  /** Like with like: the periods of one type (calendar quarters unless `periodType` names another). */
  @Get('trends')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async trends(@Req() req: Request, @Query('periodType') periodType?: string): Promise<string> {
    const type = periodType ?? 'quarter';
    if (!(PERIOD_TYPES as readonly string[]).includes(type))
      throw new BadRequestException([`periodType must be one of ${PERIOD_TYPES.join(', ')}`]);
    return this.views.render(req, 'trends.njk', {
      title: 'Trends',
      navigation: pageNavigation(req, '/trends'),
      periodType: type,
      periodTypes: PERIOD_TYPE_NAMES,
      ...(await this.pages.trends({ periodType: type as PeriodType })),
    });
  }

  /** One metric's trend as CSV; the query is checked by the API's own TrendQuery (a live `basis` is the API's, not the page's). */
  @Get('trends.csv')
  async csv(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const checked = await checkForm(TrendQuery, { metric: query.metric, from: query.from, to: query.to, periodType: query.periodType });
    if ('errors' in checked) throw new BadRequestException(checked.errors.map((e) => e.text));
    const { filename, body } = await this.pages.csv(checked.dto.metric, checked.dto);
    res.type('text/csv; charset=utf-8').attachment(filename).send(body);
  }
}

/** The period types as the page names them, in the order a reader looks for them. */
const PERIOD_TYPE_NAMES: readonly { type: PeriodType; name: string }[] = [
  { type: 'month', name: 'Months' },
  { type: 'quarter', name: 'Calendar quarters' },
  { type: 'fy-quarter', name: 'Financial-year quarters' },
  { type: 'year', name: 'Calendar years' },
  { type: 'fy-year', name: 'Financial years' },
];
