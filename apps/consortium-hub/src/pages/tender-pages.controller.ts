import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { UuidParam } from '@app/platform';
import { PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { pageNavigation } from './page-navigation';
import { StepRefusal } from './procurement-pages.rules';
import { TenderForm, TenderFormResult, TenderFromPage } from './tender-from-page.use-case';
import { LotPage, TenderPage, TenderPages } from './tender-pages.queries';
import { tenderStepDone } from './tender-pages.rules';

const STAFF = 'consortium-staff';
const COMMISSIONER = 'commissioner';
type Form = Record<string, unknown>;

/**
 * The tender pages: staff and commissioners see the tenders and each one from entry to award, as the
 * tendering API answers their role; staff also get the forms for each step the tender's stage allows
 * (the same DTOs and use cases as /tenders). Commissioners read only.
 */
@PageRoles(STAFF, COMMISSIONER)
@PageController()
export class TenderPagesController {
  constructor(
    private readonly pages: TenderPages,
    private readonly fromPage: TenderFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('joint-tenders')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async tenders(@Query('offset') offset: unknown, @Req() req: Request): Promise<string> {
    return this.views.render(req, 'tenders.njk', {
      title: 'Tenders',
      navigation: pageNavigation(req, '/joint-tenders'),
      page: await this.pages.list(offset),
    });
  }

  @Get('joint-tenders/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async tender(@UuidParam('id', { named: true }) id: string, @Query('done') done: unknown, @Req() req: Request): Promise<string> {
    const page = await this.pages.tender(id, pagePrincipal(req).role);
    return this.views.render(req, 'tender.njk', { ...this.tenderContext(req, page, {}), done: tenderStepDone(done) });
  }

  @Get('joint-tenders/:id/lots/:lotId')
  @PageRoles(STAFF)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async lot(@UuidParam('id', { named: true }) id: string, @UuidParam('lotId', { named: true }) lotId: string, @Req() req: Request) {
    return this.views.render(req, 'tender-lot.njk', this.lotContext(req, await this.pages.lot(id, lotId), {}));
  }

  @Post('joint-tenders/:id/details')
  @PageRoles(STAFF)
  async details(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'details', await this.fromPage.details(id, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/lots/:lotId')
  @PageRoles(STAFF)
  async changeLot(
    @UuidParam('id', { named: true }) id: string,
    @UuidParam('lotId', { named: true }) lotId: string,
    @Body() form: Form,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.answerLot(id, lotId, 'lot', await this.fromPage.lot(id, lotId, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/lots/:lotId/split')
  @PageRoles(STAFF)
  async split(
    @UuidParam('id', { named: true }) id: string,
    @UuidParam('lotId', { named: true }) lotId: string,
    @Body() form: Form,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.answerLot(id, lotId, 'split', await this.fromPage.split(id, lotId, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/invitations')
  @PageRoles(STAFF)
  async invite(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'invitations', await this.fromPage.invite(id, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/assembly')
  @PageRoles(STAFF)
  async assemble(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'assembly', await this.fromPage.assemble(id, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/submission')
  @PageRoles(STAFF)
  async submit(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'submission', await this.fromPage.submit(id, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/award')
  @PageRoles(STAFF)
  async award(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'award', await this.fromPage.award(id, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/enquiries/:enquiryId/answer')
  @PageRoles(STAFF)
  async answerQuestion(
    @UuidParam('id', { named: true }) id: string,
    @UuidParam('enquiryId', { named: true }) enquiryId: string,
    @Body() form: Form,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.answer(id, 'answer', await this.fromPage.answer(id, enquiryId, form, pagePrincipal(req)), { ...form, enquiryId }, req, res);
  }

  @Post('joint-tenders/:id/challenges')
  @PageRoles(STAFF)
  async challenge(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'challenge', await this.fromPage.challenge(id, form, pagePrincipal(req)), form, req, res);
  }

  @Post('joint-tenders/:id/challenges/:challengeId/outcome')
  @PageRoles(STAFF)
  async challengeOutcome(
    @UuidParam('id', { named: true }) id: string,
    @UuidParam('challengeId', { named: true }) challengeId: string,
    @Body() form: Form,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const result = await this.fromPage.challengeOutcome(id, challengeId, form, pagePrincipal(req));
    await this.answer(id, 'challenge-outcome', result, { ...form, challengeId }, req, res);
  }

  @Post('joint-tenders/:id/cancellation')
  @PageRoles(STAFF)
  async cancel(@UuidParam('id', { named: true }) id: string, @Body() form: Form, @Req() req: Request, @Res() res: Response) {
    await this.answer(id, 'cancellation', await this.fromPage.cancel(id, form, pagePrincipal(req)), form, req, res);
  }

  /** Success: back to the tender with a banner (303). Refused: the tender's page again with the error and what was typed. */
  private async answer(id: string, name: TenderForm, result: TenderFormResult, form: Form, req: Request, res: Response): Promise<void> {
    if ('done' in result) return this.done(res, id, result.done);
    const page = await this.pages.tender(id, pagePrincipal(req).role);
    this.refused(req, res, 'tender.njk', { ...this.tenderContext(req, page, form), failed: name }, result);
  }

  private async answerLot(
    id: string,
    lotId: string,
    name: TenderForm,
    result: TenderFormResult,
    form: Form,
    req: Request,
    res: Response,
  ): Promise<void> {
    if ('done' in result) return this.done(res, id, result.done);
    this.refused(req, res, 'tender-lot.njk', { ...this.lotContext(req, await this.pages.lot(id, lotId), form), failed: name }, result);
  }

  private done(res: Response, id: string, form: TenderForm): void {
    res.redirect(303, `/joint-tenders/${id}?done=${form}`);
  }

  private refused(req: Request, res: Response, view: string, context: { title: string; failed: TenderForm }, refusal: StepRefusal): void {
    this.views.sendErrors(req, res, view, context, refusal.errors, refusal.status);
  }

  private tenderContext(req: Request, page: TenderPage, typed: Form) {
    return { title: page.tender.title, navigation: pageNavigation(req, '/joint-tenders'), ...page, typed };
  }

  private lotContext(req: Request, page: LotPage, typed: Form) {
    return { title: `Lot ${page.lot.reference}: ${page.tender.title}`, navigation: pageNavigation(req, '/joint-tenders'), ...page, typed };
  }
}
