import { BadRequestException, Get, Header, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

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

  @Get('trends')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async trends(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'trends.njk', {
      title: 'Trends',
      navigation: pageNavigation(req, '/trends'),
      ...(await this.pages.trends({})),
    });
  }

  /** One metric's trend as CSV; the query is checked by the API's own TrendQuery (a live `basis` is the API's, not the page's). */
  @Get('trends.csv')
  async csv(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const checked = await checkForm(TrendQuery, { metric: query.metric, from: query.from, to: query.to });
    if ('errors' in checked) throw new BadRequestException(checked.errors.map((e) => e.text));
    const { filename, body } = await this.pages.csv(checked.dto.metric, checked.dto);
    res.type('text/csv; charset=utf-8').attachment(filename).send(body);
  }
}
