import { Get, Header, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { UuidParam } from '@app/platform';
import { PageController, PageRoles, WebViews } from '@app/web';

import { ReportQuery } from '../reporting';
import { pageNavigation } from './page-navigation';
import { ReportPages } from './report-pages.queries';

/**
 * The commissioners' pages: the published releases and one release's report, with its CSV and JSON.
 * The same roles as the report API; commissioners see published releases only.
 */
@PageRoles('consortium-staff', 'commissioner')
@PageController()
export class ReportPagesController {
  constructor(
    private readonly pages: ReportPages,
    private readonly views: WebViews,
  ) {}

  @Get()
  home(@Res() res: Response): void {
    res.redirect(303, '/reports');
  }

  @Get('reports')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async releases(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'reports.njk', {
      title: 'Published reports',
      navigation: pageNavigation(req, '/reports'),
      cycles: await this.pages.releases(),
    });
  }

  @Get('reports/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async report(@UuidParam('id', { named: true }) id: string, @Query() query: ReportQuery, @Req() req: Request): Promise<string> {
    const page = await this.pages.report(id, query.release);
    return this.views.render(req, 'report.njk', {
      title: `Report for ${page.report.period.label}`,
      navigation: pageNavigation(req, '/reports'),
      ...page,
    });
  }

  @Get('reports/:id/report.csv')
  async csv(@UuidParam('id', { named: true }) id: string, @Query() query: ReportQuery, @Res() res: Response): Promise<void> {
    const { filename, body } = await this.pages.csv(id, query.release);
    res.type('text/csv; charset=utf-8').attachment(filename).send(body);
  }

  @Get('reports/:id/report.json')
  async json(@UuidParam('id', { named: true }) id: string, @Query() query: ReportQuery, @Res() res: Response): Promise<void> {
    const { filename, body } = await this.pages.json(id, query.release);
    res.type('application/json; charset=utf-8').attachment(filename).send(body);
  }
}
