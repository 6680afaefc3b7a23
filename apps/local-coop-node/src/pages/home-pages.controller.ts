import { Get, Header, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ANY_SIGNED_IN, PageController, PageRoles, WebViews } from '@app/web';

import { HomePages } from './home-pages.queries';
import { pageNavigation } from './page-navigation';

/** The node's front doors: `/` sends each person to their own home (an admin's overview here; a member's own page is in MemberSelfPagesController). */
@PageController()
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
