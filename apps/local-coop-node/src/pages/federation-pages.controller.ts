import { Get, Header, Req } from '@nestjs/common';
import type { Request } from 'express';

import { PageController, PageRoles, ukDateTime, WebViews } from '@app/web';

import { HubLinkQueries } from '../hub-link';
import { FederationPages } from './federation-pages.queries';
import { pageNavigation } from './page-navigation';

/**
 * The node's link to the consortium's hub for its admin: NATS up or down, the registration, the outbox
 * (how many messages wait and the oldest), and the dead letters. The same query as `GET /federation/status`.
 */
@PageRoles('coop-admin')
@PageController()
export class FederationPagesController {
  constructor(
    private readonly hubLink: HubLinkQueries,
    private readonly pages: FederationPages,
    private readonly views: WebViews,
  ) {}

  @Get('admin/federation')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async status(@Req() req: Request): Promise<string> {
    const [status, oldest, deadLetters] = await Promise.all([
      this.hubLink.status(),
      this.pages.oldestWaiting(),
      this.pages.latestDeadLetters(),
    ]);
    return this.views.render(req, 'admin-federation.njk', {
      title: 'Federation',
      navigation: pageNavigation(req, '/admin/federation'),
      status,
      waiting: status.outbox.pending + status.outbox.published,
      oldest: oldest && { ...oldest, since: ukDateTime(oldest.createdAt) },
      registeredAt: ukDateTime(status.registeredAt),
      lastAnsweredAt: ukDateTime(status.nats.lastAnsweredAt),
      lastLostAt: status.nats.lastLostAt ? ukDateTime(status.nats.lastLostAt) : null,
      deadLetterRows: deadLetters.map((d) => ({ ...d, at: ukDateTime(d.createdAt) })),
    });
  }
}
