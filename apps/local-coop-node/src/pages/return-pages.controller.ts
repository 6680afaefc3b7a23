import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { parsePeriod } from '@app/contracts';
import { todayIso, UuidParam } from '@app/platform';
import { checkForm, FieldError, PageController, PageRoles, ukDateTime, WebViews, wordsOf } from '@app/web';

import { ComputeReturn, ReturnPreviewQuery, ReturnRequestQueries, SubmitReturn } from '../reporting';
import { refusalOnField } from './admin-forms.rules';
import { pageNavigation } from './page-navigation';
import { figureTables } from './return-pages.rules';

/** The quarter before today's, e.g. 2026-Q3 in November: the return a co-op is most likely asked for. */
function lastQuarter(): string {
  const today = todayIso();
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return q === 0 ? `${Number(today.slice(0, 4)) - 1}-Q4` : `${today.slice(0, 4)}-Q${q}`;
}

/**
 * The co-op's returns for its admin: each request from the hub with what was sent and how staff reviewed
 * it, a preview of the return exactly as it would leave the node, and a button to send it. The same
 * queries and use cases as `GET /reporting/requests`, `GET /reporting/returns/preview` and
 * `POST /reporting/requests/{cycleId}/submission`.
 */
@PageRoles('coop-admin')
@PageController()
export class ReturnPagesController {
  constructor(
    private readonly requests: ReturnRequestQueries,
    private readonly computeReturn: ComputeReturn,
    private readonly submitReturn: SubmitReturn,
    private readonly views: WebViews,
  ) {}

  @Get('admin/returns')
  async returns(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { submitted, ...rest } = query;
    const { context, errors } = await this.context(req, rest);
    if (errors.length) return this.views.sendErrors(req, res, 'admin-returns.njk', context, errors);
    const sent = context.requests.find((r) => r.cycleId === submitted);
    this.views.send(req, res, 'admin-returns.njk', { ...context, submitted: sent?.period.label });
  }

  @Post('admin/returns/:cycleId/submission')
  async submit(@UuidParam('cycleId', { named: true }) cycleId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const sent = await this.submitReturn.execute(cycleId);
      res.redirect(303, `/admin/returns?${new URLSearchParams({ period: sent.period, submitted: cycleId })}`);
    } catch (error) {
      const refused = refusalOnField(error, `submit-${cycleId}`);
      const { context, errors } = await this.context(req, {});
      this.views.sendErrors(req, res, 'admin-returns.njk', context, [...refused, ...errors]);
    }
  }

  private async context(req: Request, query: Record<string, unknown>) {
    const requests = await this.requests.list();
    const period = typeof query.period === 'string' ? query.period : (requests[0]?.period.label ?? lastQuarter());
    const base = {
      title: 'Returns',
      navigation: pageNavigation(req, '/admin/returns'),
      period,
      requests: requests.map((r) => ({
        ...r,
        due: ukDateTime(r.dueAt),
        latest: r.returns[0] ? { ...r.returns[0], sent: ukDateTime(r.returns[0].sentAt) } : null,
        reviewText: r.review.state ? wordsOf(r.review.state) : 'Nothing sent yet',
      })),
    };
    const checked = await checkForm(ReturnPreviewQuery, { period });
    let errors: FieldError[] = 'errors' in checked ? checked.errors : [];
    if ('errors' in checked) return { context: base, errors };
    try {
      const computed = await this.computeReturn.execute(parsePeriod(checked.dto.period)!);
      return {
        context: {
          ...base,
          preview: {
            tables: figureTables(computed.outgoing.figures),
            problems: computed.problems,
            nodeThreshold: computed.nodeThreshold,
            of: computed.outgoing.period,
          },
        },
        errors,
      };
    } catch (error) {
      errors = refusalOnField(error, 'period');
      return { context: base, errors };
    }
  }
}
