import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { CLOSE_REASONS, FUNDING_TYPES, SERVICE_TYPES, TIMES_OF_DAY } from '@app/contracts';
import { DomainError, UuidParam } from '@app/platform';
import { checkForm, FieldError, PageController, pagePrincipal, PageRoles, ukDateTime, WebViews } from '@app/web';

import {
  AcceptOffer,
  AcceptOfferDto,
  BrokerageQueries,
  CloseRequest,
  CloseRequestDto,
  CreatePackageRequestDto,
  PostPackageRequest,
  RequestDetailView,
} from '../brokerage';
import { pageFieldErrors, refreshSeconds, REQUEST_FORM_MESSAGES, requestBodyFromForm, waited } from './brokerage-pages.rules';
import { pageNavigation } from './page-navigation';
import { stepRefusal } from './procurement-pages.rules';

const DONE: Record<string, string> = {
  posted: 'Package request posted',
  placed: 'Offer accepted: the package is placed',
  closed: 'Request closed',
};

/**
 * The commissioner's brokerage desk: post a package request, watch offers arrive (the page reloads
 * itself while the request is open) with who has not answered, and accept one or close the request.
 * The same roles, DTOs and use cases as /brokerage/requests.
 */
@PageRoles('commissioner', 'consortium-staff')
@PageController()
export class BrokeragePagesController {
  constructor(
    private readonly queries: BrokerageQueries,
    private readonly post: PostPackageRequest,
    private readonly accept: AcceptOffer,
    private readonly close: CloseRequest,
    private readonly views: WebViews,
  ) {}

  @Get('package-requests')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'package-requests.njk', await this.listContext(req, {}));
  }

  @Post('package-requests')
  async create(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const checked = await checkForm(CreatePackageRequestDto, requestBodyFromForm(form), REQUEST_FORM_MESSAGES);
    let errors: FieldError[];
    let status: 400 | 409 = 400;
    if ('dto' in checked) {
      try {
        const posted = await this.post.execute(checked.dto, pagePrincipal(req));
        res.redirect(303, `/package-requests/${posted.id}?done=posted`);
        return;
      } catch (error) {
        const refusal =
          error instanceof DomainError ? stepRefusal(error, error.code === 'BROKERAGE.ANSWER_BY_PASSED' ? 'answerBy' : 'locality') : null;
        if (!refusal) throw error;
        [errors, status] = [refusal.errors, refusal.status];
      }
    } else errors = pageFieldErrors(checked.errors);
    this.views.sendErrors(req, res, 'package-requests.njk', await this.listContext(req, form), errors, status);
  }

  @Get('package-requests/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async request(@UuidParam('id', { named: true }) id: string, @Query('done') done: unknown, @Req() req: Request): Promise<string> {
    const context = this.requestContext(req, await this.queries.detail(id));
    return this.views.render(req, 'package-request.njk', { ...context, done: typeof done === 'string' ? DONE[done] : undefined });
  }

  @Post('package-requests/:id/acceptance')
  async acceptance(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const checked = await checkForm(AcceptOfferDto, form, { answerId: 'Choose an offer to accept' });
    return this.step(
      id,
      req,
      res,
      'placed',
      'answerId',
      'errors' in checked ? checked.errors : () => this.accept.execute(id, checked.dto, pagePrincipal(req)),
    );
  }

  @Post('package-requests/:id/closure')
  async closure(
    @UuidParam('id', { named: true }) id: string,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const checked = await checkForm(CloseRequestDto, form, { reason: 'Choose why the request is closed' });
    return this.step(
      id,
      req,
      res,
      'closed',
      'reason',
      'errors' in checked ? checked.errors : () => this.close.execute(id, checked.dto, pagePrincipal(req)),
    );
  }

  /** A step from the request's page: on success back to it with a banner (303), else the page again with the error (400 or 409). */
  private async step(
    id: string,
    req: Request,
    res: Response,
    done: string,
    field: string,
    work: FieldError[] | (() => Promise<unknown>),
  ): Promise<void> {
    let errors: FieldError[];
    let status: 400 | 409 = 400;
    if (Array.isArray(work)) errors = work;
    else {
      try {
        await work();
        res.redirect(303, `/package-requests/${id}?done=${done}`);
        return;
      } catch (error) {
        const refusal = error instanceof DomainError ? stepRefusal(error, field) : null;
        if (!refusal) throw error;
        [errors, status] = [refusal.errors, refusal.status];
      }
    }
    const context = this.requestContext(req, await this.queries.detail(id));
    this.views.sendErrors(req, res, 'package-request.njk', context, errors, status);
  }

  private async listContext(req: Request, typed: Record<string, unknown>) {
    const page = await this.queries.list({ limit: 50, offset: 0 });
    return {
      title: 'Package requests',
      navigation: pageNavigation(req, '/package-requests'),
      requests: page.items.map((r) => ({ ...r, posted: ukDateTime(r.postedAt, ''), services: r.serviceTypes.join(', ') })),
      total: page.total,
      serviceTypes: SERVICE_TYPES,
      timesOfDay: TIMES_OF_DAY,
      fundingTypes: FUNDING_TYPES,
      typed: { visitsPerDay: '1', daysPerWeek: '7', carersPerVisit: '1', ...typed },
      typedLists: { serviceTypes: [typed.serviceTypes ?? []].flat(), timesOfDay: [typed.timesOfDay ?? []].flat() },
    };
  }

  private requestContext(req: Request, r: RequestDetailView) {
    const answer = <T extends { secondsToAnswer: number; receivedAt: string }>(a: T) => ({
      ...a,
      took: waited(a.secondsToAnswer),
      received: ukDateTime(a.receivedAt, ''),
    });
    return {
      title: `Package ${r.councilReference}`,
      navigation: pageNavigation(req, '/package-requests'),
      request: { ...r, posted: ukDateTime(r.postedAt, ''), answerByText: ukDateTime(r.answerBy, ''), services: r.serviceTypes.join(', ') },
      offers: r.offers.map(answer),
      declines: r.declines.map(answer),
      late: r.late.map(answer),
      notAnswered: r.notAnswered.map((n) => ({ ...n, since: ukDateTime(n.offlineSince, '') })),
      closeReasons: CLOSE_REASONS,
      refreshSeconds: refreshSeconds(r.status),
    };
  }
}
