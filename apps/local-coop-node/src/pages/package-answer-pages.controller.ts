import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DECLINE_REASONS } from '@app/contracts';
import { DomainError, UuidParam } from '@app/platform';
import { checkForm, FieldError, formText, PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { AnswerRequestDto, BrokerageQueries, NodeRequestView, SendAnswer, StartCare, StartCareDto } from '../brokerage';
import { ServiceUserQueries } from '../care';
import {
  ANSWER_FORM_MESSAGES,
  answerBodyFromForm,
  START_CARE_FIELDS,
  START_CARE_MESSAGES,
  STATUS_LABELS,
} from './package-answer-pages.rules';
import { pageNavigation } from './page-navigation';

/**
 * The co-op admin's package requests: what the hub asked the co-op about (soonest start first), the
 * placements won with the council's reference, a form to offer or decline, and one to start the care of
 * the person a placement was for. The same roles, DTOs and use cases as POST /brokerage/requests/:id/answer
 * and POST /brokerage/placements/:id/care.
 */
@PageRoles('coop-admin')
@PageController('admin')
export class PackageAnswerPagesController {
  constructor(
    private readonly queries: BrokerageQueries,
    private readonly send: SendAnswer,
    private readonly startCareUseCase: StartCare,
    private readonly people: ServiceUserQueries,
    private readonly views: WebViews,
  ) {}

  @Get('package-requests')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Req() req: Request): Promise<string> {
    const requests = (await this.queries.requests()).map((r) => ({ ...r, statusLabel: STATUS_LABELS[r.status] }));
    return this.views.render(req, 'admin-package-requests.njk', {
      title: 'Package requests',
      navigation: pageNavigation(req, '/admin/package-requests'),
      requests,
      placements: await this.queries.placements(),
    });
  }

  @Get('package-requests/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async request(@UuidParam('id', { named: true }) id: string, @Query('answered') answered: unknown, @Req() req: Request): Promise<string> {
    return this.views.render(
      req,
      'admin-package-request.njk',
      this.context(req, await this.queries.request(id), { answered: answered === '1' }),
    );
  }

  @Post('package-requests/:id/answer')
  async answer(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const request = await this.queries.request(id);
    const checked = await checkForm(AnswerRequestDto, answerBodyFromForm(form), ANSWER_FORM_MESSAGES);
    let errors: FieldError[];
    let status = 400;
    if ('dto' in checked) {
      try {
        await this.send.execute(id, checked.dto, pagePrincipal(req));
        res.redirect(303, `/admin/package-requests/${id}?answered=1`);
        return;
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        errors = [{ field: error.code === 'BROKERAGE.OFFER_OUTSIDE_REQUEST' ? 'timesOfDayCovered' : 'answer', text: error.message }];
        status = error.kind === 'conflict' ? 409 : 400;
      }
    } else errors = checked.errors;
    this.views.sendErrors(req, res, 'admin-package-request.njk', this.context(req, request, { typed: form }), errors, status);
  }

  @Get('package-requests/placements/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async placement(@UuidParam('id', { named: true }) id: string, @Query('started') started: unknown, @Req() req: Request): Promise<string> {
    return this.views.render(req, 'admin-placement.njk', await this.placementContext(req, id, { started: started === '1' }));
  }

  @Post('package-requests/placements/:id/care')
  async startCare(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const checked = await checkForm(StartCareDto, form, START_CARE_MESSAGES);
    let errors: FieldError[];
    if ('dto' in checked) {
      try {
        await this.startCareUseCase.execute(id, checked.dto, pagePrincipal(req));
        res.redirect(303, `/admin/package-requests/placements/${id}?started=1`);
        return;
      } catch (error) {
        // Started already (another admin, or a second click): the placement's page shows whose care it became.
        if (error instanceof DomainError && error.code === 'BROKERAGE.CARE_ALREADY_STARTED') {
          res.redirect(303, `/admin/package-requests/placements/${id}`);
          return;
        }
        if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
        errors = [{ field: error.code === 'CARE.BORN_AFTER_START' ? 'dateOfBirth' : 'fullName', text: error.message }];
      }
    } else errors = checked.errors;
    const typed = Object.fromEntries(START_CARE_FIELDS.map((f) => [f, formText(form[f])]));
    this.views.sendErrors(req, res, 'admin-placement.njk', await this.placementContext(req, id, { typed }), errors, 400);
  }

  private async placementContext(req: Request, id: string, extra: Record<string, unknown>) {
    const placement = await this.queries.placement(id);
    return {
      title: `Placement ${placement.councilReference}`,
      navigation: pageNavigation(req, '/admin/package-requests'),
      placement,
      person: placement.care ? await this.people.get(placement.care.serviceUserId) : null,
      typed: {},
      ...extra,
    };
  }

  private context(req: Request, request: NodeRequestView, extra: Record<string, unknown>) {
    return {
      title: `Package request in ${request.locality}`,
      navigation: pageNavigation(req, '/admin/package-requests'),
      request: { ...request, statusLabel: STATUS_LABELS[request.status] },
      declineReasons: DECLINE_REASONS,
      typed: {},
      ...extra,
    };
  }
}
