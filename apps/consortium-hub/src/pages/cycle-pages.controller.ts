import { Body, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { UuidParam } from '@app/platform';
import { FieldError, PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { CoopIdPipe } from '../registry';
import { CycleActionsFromPage } from './cycle-actions-from-page.use-case';
import { CyclePages } from './cycle-pages.queries';
import { pageNavigation } from './page-navigation';
import { ReviewFromPage } from './review-from-page.use-case';

/**
 * Consortium staff's pages for return cycles: every cycle with its completeness, and one cycle's
 * review queue with a form to approve each co-op's current return or send it back with a comment.
 * The same role and the same use case as the review API; staff only.
 */
@PageRoles('consortium-staff')
@PageController()
export class CyclePagesController {
  constructor(
    private readonly pages: CyclePages,
    private readonly review: ReviewFromPage,
    private readonly actions: CycleActionsFromPage,
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
  async queue(@UuidParam('id', { named: true }) id: string, @Query() query: Record<string, unknown>, @Req() req: Request): Promise<string> {
    const queue = await this.pages.queue(id);
    const done = queue.coops.find((c) => c.coopId === query.reviewed);
    const excepted = queue.coops.find((c) => c.coopId === query.excepted);
    const published = typeof query.published === 'string' && /^[0-9]{1,6}$/.test(query.published) ? query.published : null;
    return this.views.render(req, 'cycle.njk', { ...this.context(req, queue), done, excepted, published });
  }

  /** Publishes the next release from the approved returns, as POST /reporting/cycles/:id/releases. */
  @Post('cycles/:id/releases')
  async publish(@UuidParam('id', { named: true }) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.actions.publish(id, pagePrincipal(req));
    if ('release' in result) return res.redirect(303, `/cycles/${id}?published=${result.release}`);
    await this.refused(req, res, id, result.errors, { form: 'publish' });
  }

  /** Lets one co-op submit after the lock, until a given time, as POST /reporting/cycles/:id/coops/:coopId/exception. */
  @Post('cycles/:id/coops/:coopId/exception')
  async exception(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coopId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.actions.exception({ cycleId: id, coopId }, form, pagePrincipal(req));
    if ('granted' in result) return res.redirect(303, `/cycles/${id}?excepted=${encodeURIComponent(coopId)}`);
    await this.refused(req, res, id, result.errors, { form: 'exception', coopId, ...form });
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
    const failed = { coopId, decision, comment: result.comment };
    this.views.sendErrors(req, res, 'cycle.njk', { ...this.context(req, queue), failed }, result.errors);
  }

  private async refused(
    req: Request,
    res: Response,
    cycleId: string,
    errors: FieldError[],
    failed: Record<string, unknown>,
  ): Promise<void> {
    const queue = await this.pages.queue(cycleId);
    this.views.sendErrors(req, res, 'cycle.njk', { ...this.context(req, queue), failed }, errors);
  }

  private context(req: Request, queue: Awaited<ReturnType<CyclePages['queue']>>) {
    return { title: `Returns for ${queue.completeness.period}`, navigation: pageNavigation(req, '/cycles'), ...queue };
  }
}
