import { Get, Header, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';

import { PageController, PageRoles, WebViews } from '@app/web';

import { CoopIdPipe } from '../registry';
import { pageNavigation } from './page-navigation';
import { RegistryPages } from './registry-pages.queries';
import { pageNumber, pagination, REGISTRY_PAGE_SIZE } from './registry-pages.rules';

/**
 * Consortium staff's pages of the registry: every member co-op with its status, whether its node is
 * online now (by its last heartbeat, as GET /coops judges it), its sponsor and when it joined; and one
 * co-op with its status history. Staff only, as the staff's view of the federation.
 */
@PageRoles('consortium-staff')
@PageController()
export class RegistryPagesController {
  constructor(
    private readonly pages: RegistryPages,
    private readonly views: WebViews,
  ) {}

  @Get('registry')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async registry(@Query('page') rawPage: unknown, @Req() req: Request): Promise<string> {
    const page = pageNumber(rawPage);
    const overview = await this.pages.overview(page);
    return this.views.render(req, 'registry.njk', {
      title: 'Co-ops',
      navigation: pageNavigation(req, '/registry'),
      ...overview,
      pagination: pagination('/registry', page, overview.total, REGISTRY_PAGE_SIZE),
    });
  }

  @Get('registry/:coopId')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async coop(@Param('coopId', CoopIdPipe) coopId: string, @Req() req: Request): Promise<string> {
    const page = await this.pages.coop(coopId);
    return this.views.render(req, 'registry-coop.njk', { title: page.coop.name, navigation: pageNavigation(req, '/registry'), ...page });
  }
}
