import { Body, Controller, Get, Header, HttpStatus, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public, UuidParam } from '@app/platform';
import { PageErrorFilter, PageGuard, PageRoles, WebViews } from '@app/web';
import { errorSummary } from '@app/web';

import { CoopIdPipe } from '../registry';
import { CyclePages } from './cycle-pages.queries';
import { pageNavigation } from './page-navigation';
import { ReviewFromPage } from './review-from-page.use-case';

/**
 * Consortium staff's pages for return cycles: every cycle with its completeness, and one cycle's
 * review queue with a form to approve each co-op's current return or send it back with a comment.
 * The same role and the same use case as the review API; staff only.
 */
@ApiExcludeController()
@Public()
@UseGuards(PageGuard)
@UseFilters(PageErrorFilter)
@PageRoles('consortium-staff')
@Controller()
export class CyclePagesController {
  constructor(
    private readonly pages: CyclePages,
    private readonly review: ReviewFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('cycles')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async cycles(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'cycles.njk', {
      title: 'Return cycles',
      navigation: pageNavigation(req, '/cycles'),
      cycles: await this.pages.list(),
    });
  }

  @Get('cycles/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async queue(@UuidParam('id', { named: true }) id: string, @Query('reviewed') reviewed: unknown, @Req() req: Request): Promise<string> {
    const queue = await this.pages.queue(id);
    const done = queue.coops.find((c) => c.coopId === reviewed);
    return this.views.render(req, 'cycle.njk', { ...this.context(req, queue), done });
  }

  @Post('cycles/:id/coops/:coopId/approval')
  approve(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coop: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.decide(id, coop, 'approved', form, req, res);
  }

  @Post('cycles/:id/coops/:coopId/send-back')
  sendBack(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coop: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.decide(id, coop, 'sent-back', form, req, res);
  }

  private async decide(
    cycleId: string,
    coopId: string,
    decision: 'approved' | 'sent-back',
    form: Record<string, unknown>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const result = await this.review.execute({ cycleId, coopId }, decision, form, req.session.user!);
    if ('made' in result) {
      res.redirect(303, `/cycles/${cycleId}?reviewed=${encodeURIComponent(coopId)}`);
      return;
    }
    const queue = await this.pages.queue(cycleId);
    const page = { ...this.context(req, queue), ...errorSummary(result.errors), failed: { coopId, decision, comment: result.comment } };
    res
      .status(HttpStatus.BAD_REQUEST)
      .type('html')
      .send(this.views.render(req, 'cycle.njk', { ...page, title: `Error: ${page.title}` }));
  }

  private context(req: Request, queue: Awaited<ReturnType<CyclePages['queue']>>) {
    return { title: `Returns for ${queue.completeness.period}`, navigation: pageNavigation(req, '/cycles'), ...queue };
  }
}
