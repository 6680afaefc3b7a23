import { Controller, Get, Header, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '@app/platform';
import { ANY_SIGNED_IN, PageErrorFilter, PageGuard, PageRoles, WebViews } from '@app/web';

import { HomePages } from './home-pages.queries';
import { pageNavigation } from './page-navigation';

/** The node's front doors: `/` sends each person to their own home (an admin's overview here; a member's own page is in MemberSelfPagesController). */
@ApiExcludeController()
@Public()
@UseGuards(PageGuard)
@UseFilters(PageErrorFilter)
@Controller()
export class HomePagesController {
  constructor(
    private readonly pages: HomePages,
    private readonly views: WebViews,
  ) {}

  @Get()
  @PageRoles(ANY_SIGNED_IN)
  home(@Req() req: Request, @Res() res: Response): void {
    res.redirect(303, req.session.user!.role === 'member' ? '/me' : '/admin');
  }

  @Get('admin')
  @PageRoles('coop-admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async overview(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'admin-home.njk', {
      title: 'Overview',
      navigation: pageNavigation(req, '/admin'),
      ...(await this.pages.overview()),
    });
  }
}
