import { BadRequestException, Controller, ForbiddenException, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { ConsolidatedReports, ReportView } from './consolidated-reports.queries';
import { PublishRelease } from './publish-release.use-case';
import { ReleaseSummaryView, ReportDocumentView, ReportQuery, TrendQuery, TrendView } from './report.dto';

/**
 * What commissioners read: the published releases of a cycle's consolidated report, trends across
 * cycles, and both as CSV. Consortium staff publish releases, see why each figure was suppressed,
 * and may take a live look at the returns (`basis`) while they review.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('consortium-staff', 'commissioner')
@Controller('reporting')
export class ReportController {
  constructor(
    private readonly reports: ConsolidatedReports,
    private readonly publishRelease: PublishRelease,
  ) {}

  /** Publishes the next release of the cycle's report from the approved returns; it never changes afterwards. */
  @Post('cycles/:id/releases')
  @Roles('consortium-staff')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReportDocumentView })
  publish(@UuidParam('id', { named: true }) id: string, @CurrentPrincipal() by: Principal): Promise<ReportDocumentView> {
    return this.publishRelease.execute(id, by);
  }

  @Get('cycles/:id/releases')
  @ApiOkResponse({ type: [ReleaseSummaryView] })
  releases(@UuidParam('id', { named: true }) id: string): Promise<ReleaseSummaryView[]> {
    return this.reports.releases(id);
  }

  @Get('cycles/:id/report')
  @ApiOkResponse({ type: ReportDocumentView })
  report(
    @UuidParam('id', { named: true }) id: string,
    @Query() query: ReportQuery,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReportDocumentView> {
    return this.reports.report(id, viewFor(who, query), isStaff(who));
  }

  @Get('cycles/:id/report.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The report as CSV, one row per figure' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async reportCsv(
    @UuidParam('id', { named: true }) id: string,
    @Query() query: ReportQuery,
    @CurrentPrincipal() who: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { filename, body } = await this.reports.csv(id, viewFor(who, query));
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  /** One metric across periods, with the change from the period before. */
  @Get('trends')
  @ApiOkResponse({ type: TrendView })
  trend(@Query() query: TrendQuery, @CurrentPrincipal() who: Principal): Promise<TrendView> {
    return this.reports.trend(query.metric, query, viewFor(who, query).basis);
  }

  @Get('trends.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The trend as CSV, one row per figure and period' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async trendCsv(
    @Query() query: TrendQuery,
    @CurrentPrincipal() who: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { filename, body } = await this.reports.trendCsv(query.metric, query, viewFor(who, query).basis);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}

const isStaff = (who: Principal) => who.role === 'consortium-staff';

function viewFor(who: Principal, query: ReportView): ReportView {
  if (query.basis && !isStaff(who)) throw new ForbiddenException('commissioners read published releases only: leave basis out');
  if (query.basis && query.release) throw new BadRequestException(['give either release or basis, not both']);
  return query;
}
