import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { UuidParam } from '@app/platform';
import { instantToUkLocal, PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import type { RoundAction } from '../purchasing';
import { pageNavigation } from './page-navigation';
import { StepRefusal } from './procurement-pages.rules';
import { RoundFromPage } from './round-from-page.use-case';
import { RoundPage, RoundPages } from './round-pages.queries';
import { roundStepDone } from './round-pages.rules';

/**
 * Consortium staff's purchasing pages: every round with its totals and a form to draft a new one
 * from the catalogue, and one round from draft to delivered with the steps its state allows. The same
 * role, DTOs and use cases as /purchasing/rounds; staff only.
 */
@PageRoles('consortium-staff')
@PageController()
export class RoundPagesController {
  constructor(
    private readonly pages: RoundPages,
    private readonly fromPage: RoundFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('rounds')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async rounds(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'rounds.njk', await this.listContext(req, {}));
  }

  @Post('rounds')
  async create(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.fromPage.create(form, pagePrincipal(req));
    if ('id' in result) {
      res.redirect(303, `/rounds/${result.id}?done=created`);
      return;
    }
    this.views.sendErrors(req, res, 'rounds.njk', await this.listContext(req, form), result.errors, result.status);
  }

  @Get('rounds/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async round(@UuidParam('id', { named: true }) id: string, @Query('done') done: unknown, @Req() req: Request): Promise<string> {
    const page = await this.pages.round(id);
    return this.views.render(req, 'round.njk', { ...this.roundContext(req, page, {}), done: roundStepDone(done) });
  }

  @Post('rounds/:id/open')
  open(@UuidParam('id', { named: true }) id: string, @Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.step(id, 'open', form, req, res);
  }

  @Post('rounds/:id/close')
  close(@UuidParam('id', { named: true }) id: string, @Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.step(id, 'close', form, req, res);
  }

  @Post('rounds/:id/order')
  order(@UuidParam('id', { named: true }) id: string, @Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.step(id, 'order', form, req, res);
  }

  @Post('rounds/:id/deliver')
  deliver(@UuidParam('id', { named: true }) id: string, @Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.step(id, 'deliver', form, req, res);
  }

  @Post('rounds/:id/cancel')
  cancel(@UuidParam('id', { named: true }) id: string, @Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    return this.step(id, 'cancel', form, req, res);
  }

  /** A step from the round's page: on success back to the page with a banner (303), else the page again with the error (400 or 409). */
  private async step(id: string, step: RoundAction, form: Record<string, unknown>, req: Request, res: Response): Promise<void> {
    const result = await this.fromPage.step(id, step, form, pagePrincipal(req));
    if ('done' in result) {
      res.redirect(303, `/rounds/${id}?done=${step}`);
      return;
    }
    this.refused(req, res, await this.pages.round(id), result, { ...form, step });
  }

  private refused(req: Request, res: Response, page: RoundPage, refusal: StepRefusal, typed: Record<string, unknown>): void {
    this.views.sendErrors(req, res, 'round.njk', this.roundContext(req, page, typed), refusal.errors, refusal.status);
  }

  private async listContext(req: Request, typed: Record<string, unknown>) {
    const chosen = new Set([typed.itemIds ?? []].flat().map(String));
    return {
      title: 'Purchasing rounds',
      navigation: pageNavigation(req, '/rounds'),
      rounds: await this.pages.list(),
      catalogue: (await this.pages.items()).map((i) => ({ ...i, chosen: chosen.has(i.id) })),
      typed,
    };
  }

  private roundContext(req: Request, page: RoundPage, typed: Record<string, unknown>) {
    return {
      title: page.round.title,
      navigation: pageNavigation(req, '/rounds'),
      ...page,
      typed: { closesAt: instantToUkLocal(page.round.closesAt), ...typed },
    };
  }
}
