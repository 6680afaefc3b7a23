import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/roles.decorator';
import { AppMetrics } from './app-metrics';
import { METRICS_SETTINGS, MetricsSettings, tokenMatches } from './metrics.rules';

/**
 * `GET /metrics` in Prometheus's text format, for the operator's scraper only: it presents
 * `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN set the route answers 404, as if absent.
 * Not part of the API (no OpenAPI entry): it is the operator's, not a user's.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: AppMetrics,
    @Inject(METRICS_SETTINGS) private readonly settings: MetricsSettings,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (!this.settings.token) throw new NotFoundException('Metrics are off on this service (METRICS_TOKEN is not set).');
    if (!tokenMatches(authorization, this.settings.token)) {
      throw new UnauthorizedException('The metrics need the operator token: Authorization: Bearer <METRICS_TOKEN>.');
    }
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
