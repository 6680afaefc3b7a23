import { Body, Get, Header, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Clock, UuidParam } from '@app/platform';
import { PageController, PageRoles, pounds, ukDateTime, WebViews } from '@app/web';

import { RoundView } from '../purchasing';
import { InvitationView } from '../tendering';
import { CommitmentFromPage } from './commitment-from-page.use-case';
import { EnquiryFromPage } from './enquiry-from-page.use-case';
import { InvitationPages } from './invitation-pages.queries';
import { questionsOpen } from './invitation-pages.rules';
import { OfferFromPage } from './offer-from-page.use-case';
import { pageNavigation } from './page-navigation';

const FORMAT = { pounds, when: ukDateTime };

/**
 * The co-op admin's invitations: the purchasing rounds and tenders the hub invited the co-op to (with
 * deadlines and whether it answered) and the contracts it won; a round's items with a commitment form
 * per item, and a tender's lots with an offer form. The same role, queries and use cases as the
 * purchasing and tendering API.
 */
@PageRoles('coop-admin')
@PageController('admin')
export class InvitationPagesController {
  constructor(
    private readonly pages: InvitationPages,
    private readonly commitment: CommitmentFromPage,
    private readonly offer: OfferFromPage,
    private readonly enquiry: EnquiryFromPage,
    private readonly views: WebViews,
    private readonly clock: Clock,
  ) {}

  @Get('invitations')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async invitations(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'admin-invitations.njk', {
      title: 'Invitations',
      navigation: pageNavigation(req, '/admin/invitations'),
      fmt: FORMAT,
      ...(await this.pages.overview()),
    });
  }

  @Get('rounds/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async round(@UuidParam('id', { named: true }) id: string, @Query('committed') committed: unknown, @Req() req: Request): Promise<string> {
    const round = await this.pages.round(id);
    const done = round.items.find((i) => i.itemId === committed);
    return this.views.render(req, 'admin-round.njk', this.roundContext(req, round, { done }));
  }

  @Post('rounds/:id/commitments')
  async commit(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const round = await this.pages.round(id);
    const result = await this.commitment.execute(id, form);
    if ('sent' in result) {
      res.redirect(303, `/admin/rounds/${id}?committed=${encodeURIComponent(result.sent.itemId)}`);
      return;
    }
    const context = this.roundContext(req, round, { failed: { itemId: result.itemId, quantity: result.quantity } });
    this.views.sendErrors(req, res, 'admin-round.njk', context, result.errors);
  }

  @Get('tenders/:tenderId')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async tender(
    @UuidParam('tenderId', { named: true }) tenderId: string,
    @Query('offered') offered: unknown,
    @Query('asked') asked: unknown,
    @Req() req: Request,
  ): Promise<string> {
    const invitation = await this.pages.tender(tenderId);
    return this.views.render(
      req,
      'admin-tender.njk',
      this.tenderContext(req, invitation, { offered: offered === '1', asked: asked === '1' }),
    );
  }

  /** A question about the tender during its enquiry period; its answer reaches every invited co-op. */
  @Post('tenders/:tenderId/enquiries')
  async ask(
    @UuidParam('tenderId', { named: true }) tenderId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const invitation = await this.pages.tender(tenderId);
    const result = await this.enquiry.execute(tenderId, form);
    if ('asked' in result) {
      res.redirect(303, `/admin/tenders/${tenderId}?asked=1#enquiries`);
      return;
    }
    const status = result.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    this.views.sendErrors(
      req,
      res,
      'admin-tender.njk',
      this.tenderContext(req, invitation, { typedQuestion: form }),
      result.errors,
      status,
    );
  }

  @Post('tenders/:tenderId/offers')
  async offers(
    @UuidParam('tenderId', { named: true }) tenderId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const invitation = await this.pages.tender(tenderId);
    const result = await this.offer.execute(invitation, form);
    if ('sent' in result) {
      res.redirect(303, `/admin/tenders/${tenderId}?offered=1`);
      return;
    }
    const status = result.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    this.views.sendErrors(req, res, 'admin-tender.njk', this.tenderContext(req, invitation, { typed: form }), result.errors, status);
  }

  private roundContext(req: Request, round: RoundView, extra: Record<string, unknown>) {
    return { title: round.title, navigation: pageNavigation(req, '/admin/invitations'), fmt: FORMAT, round, ...extra };
  }

  private tenderContext(req: Request, invitation: InvitationView, extra: Record<string, unknown>) {
    const asking = questionsOpen(invitation, this.clock.now());
    return { title: invitation.title, navigation: pageNavigation(req, '/admin/invitations'), fmt: FORMAT, invitation, asking, ...extra };
  }
}
