import { Body, Get, Header, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';
import { UuidParam } from '@app/platform';
import { FieldError, PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { StagePipe } from '../onboarding';
import { JourneyFromPage } from './journey-from-page.use-case';
import { JourneyPages } from './journey-pages.queries';
import { stageLabel } from './journey-pages.rules';
import { pageNavigation } from './page-navigation';

const READERS = ['consortium-staff', 'commissioner'];

/**
 * The onboarding pages: every spin-off's journey with its stage progress and the consortium's family
 * tree drawn (staff and commissioners, as the journeys API); one journey's ten stages with their evidence,
 * where staff close the stage at hand with its evidence, reopen the latest closed one with a reason, and
 * issue the new co-op's join token, each through the API's own use case.
 */
@PageRoles('consortium-staff')
@PageController()
export class JourneyPagesController {
  constructor(
    private readonly pages: JourneyPages,
    private readonly forms: JourneyFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('journeys')
  @PageRoles(...READERS)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async journeys(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'journeys.njk', {
      title: 'Onboarding journeys',
      navigation: pageNavigation(req, '/journeys'),
      staff: isStaff(req),
      ...(await this.pages.overview()),
    });
  }

  @Get('journeys/:id')
  @PageRoles(...READERS)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async journey(
    @UuidParam('id', { named: true }) id: string,
    @Query('closed') closed: unknown,
    @Query('reopened') reopened: unknown,
    @Req() req: Request,
  ): Promise<string> {
    const stage = (value: unknown) => ((ONBOARDING_STAGES as readonly unknown[]).includes(value) ? stageLabel(value as string) : null);
    const done = stage(closed) ? `Stage ${stage(closed)} closed.` : stage(reopened) ? `Stage ${stage(reopened)} reopened.` : null;
    return this.views.render(req, 'journey.njk', { ...(await this.context(req, id)), done });
  }

  @Post('journeys/:id/stages/:stage/close')
  async close(
    @UuidParam('id', { named: true }) id: string,
    @Param('stage', StagePipe) stage: OnboardingStage,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.forms.close(id, stage, form, pagePrincipal(req));
    if ('done' in result) return res.redirect(303, `/journeys/${id}?closed=${stage}`);
    await this.refused(req, res, id, result.errors, { form: 'close', stage, ...form });
  }

  @Post('journeys/:id/stages/:stage/reopen')
  async reopen(
    @UuidParam('id', { named: true }) id: string,
    @Param('stage', StagePipe) stage: OnboardingStage,
    @Body() form: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.forms.reopen(id, stage, form, pagePrincipal(req));
    if ('done' in result) return res.redirect(303, `/journeys/${id}?reopened=${stage}`);
    await this.refused(req, res, id, result.errors, { form: 'reopen', stage, ...form });
  }

  /** The token is shown on this answer only (no redirect): the hub keeps its hash, and no later page can show it. */
  @Post('journeys/:id/join-tokens')
  async joinToken(@UuidParam('id', { named: true }) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.forms.issueToken(id, pagePrincipal(req));
    if ('errors' in result) return this.refused(req, res, id, result.errors, { form: 'join' });
    const page = await this.context(req, id);
    res.setHeader('Cache-Control', 'no-store');
    this.views.send(
      req,
      res,
      'journey.njk',
      { ...page, title: `Join token for ${page.journey.name}`, issued: result.issued },
      HttpStatus.CREATED,
    );
  }

  private async refused(req: Request, res: Response, id: string, errors: FieldError[], failed: Record<string, unknown>): Promise<void> {
    this.views.sendErrors(req, res, 'journey.njk', { ...(await this.context(req, id)), failed }, errors);
  }

  private async context(req: Request, id: string) {
    const page = await this.pages.journey(id);
    return { title: `Journey of ${page.journey.name}`, navigation: pageNavigation(req, '/journeys'), staff: isStaff(req), ...page };
  }
}

const isStaff = (req: Request) => req.session.user?.role === 'consortium-staff';
