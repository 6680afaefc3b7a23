import { Body, Get, Header, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { SERVICE_TYPES } from '@app/contracts';
import { PageController, pagePrincipal, PageRoles, WebViews } from '@app/web';

import { pageNavigation } from './page-navigation';
import { TenderFromPage } from './tender-from-page.use-case';
import { serviceLabel } from './tender-pages.rules';

const SERVICES = SERVICE_TYPES.map((value) => ({ value, text: serviceLabel(value) }));

/**
 * Entering a council tender from a page, with its lots, as a draft: the same roles (staff and
 * commissioners), DTO and use case as POST /tenders. Registered before TenderPagesController, so
 * /joint-tenders/new is this page and not a tender's id.
 */
@PageRoles('consortium-staff', 'commissioner')
@PageController()
export class TenderEntryPagesController {
  constructor(
    private readonly fromPage: TenderFromPage,
    private readonly views: WebViews,
  ) {}

  @Get('joint-tenders/new')
  @Header('Content-Type', 'text/html; charset=utf-8')
  newTender(@Req() req: Request): string {
    return this.views.render(req, 'tender-new.njk', this.context(req, {}));
  }

  @Post('joint-tenders')
  async create(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.fromPage.create(form, pagePrincipal(req));
    if ('id' in result) {
      res.redirect(303, `/joint-tenders/${result.id}?done=created`);
      return;
    }
    this.views.sendErrors(req, res, 'tender-new.njk', this.context(req, form), result.errors, result.status);
  }

  private context(req: Request, typed: Record<string, unknown>) {
    return { title: 'Enter a tender', navigation: pageNavigation(req, '/joint-tenders'), typed, services: SERVICES };
  }
}
