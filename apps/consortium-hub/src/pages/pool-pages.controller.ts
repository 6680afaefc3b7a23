import { Get, Header, Req } from '@nestjs/common';
import type { Request } from 'express';

import { PageController, PageRoles, WebViews } from '@app/web';

import { pageNavigation } from './page-navigation';
import { PoolPages } from './pool-pages.queries';

/**
 * Consortium staff's page of the recruitment pool: the vacancies pooled, by co-op; the co-ops' requests
 * to hire and where each stands; the pool's figures with disclosure control. Staff only, as the pool's
 * staff API; no candidate appears in any form.
 */
@PageRoles('consortium-staff')
@PageController()
export class PoolPagesController {
  constructor(
    private readonly pages: PoolPages,
    private readonly views: WebViews,
  ) {}

  @Get('pool')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async pool(@Req() req: Request): Promise<string> {
    return this.views.render(req, 'pool.njk', {
      title: 'Recruitment pool',
      navigation: pageNavigation(req, '/pool'),
      ...(await this.pages.pool()),
    });
  }
}
