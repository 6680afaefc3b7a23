import { Controller, ForbiddenException, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@app/platform';
import { ConsolidatedReports, ReportBasis, ReportRequest } from './consolidated-reports';
import { ReportQuery, TrendQuery } from './report.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * What commissioners read: the consolidated report of a cycle, trends across cycles, and both as
 * CSV. Commissioners see approved returns only; consortium staff may also look at every current
 * return while they review, and see why each figure was suppressed.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('consortium-staff', 'commissioner')
@Controller('reporting')
export class ReportController {
  constructor(private readonly reports: ConsolidatedReports) {}

  @Get('cycles/:id/report')
  report(@Param('id', uuid) id: string, @Query() query: ReportQuery, @CurrentPrincipal() who: Principal) {
    return this.reports.report(id, requestFor(who, query.basis));
  }

  @Get('cycles/:id/report.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async reportCsv(@Param('id', uuid) id: string, @Query() query: ReportQuery, @CurrentPrincipal() who: Principal, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.reports.csv(id, requestFor(who, query.basis).basis);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  /** One metric across periods, with the change from the period before. */
  @Get('trends')
  trend(@Query() query: TrendQuery, @CurrentPrincipal() who: Principal) {
    return this.reports.trend(query.metric, query, requestFor(who, query.basis));
  }

  @Get('trends.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async trendCsv(@Query() query: TrendQuery, @CurrentPrincipal() who: Principal, @Res({ passthrough: true }) res: Response) {
    const { filename, body } = await this.reports.trendCsv(query.metric, query, requestFor(who, query.basis).basis);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}

function requestFor(who: Principal, basis: ReportBasis = 'approved'): ReportRequest {
  const staff = who.role === 'consortium-staff';
  if (basis !== 'approved' && !staff) throw new ForbiddenException('commissioners see approved returns only (basis=approved)');
  return { basis, withReasons: staff };
}
