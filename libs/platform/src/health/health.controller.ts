import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';

import { Public } from '../auth/roles.decorator';

/** Extra readiness checks an app adds (NATS link, ...). */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@ApiTags('operations')
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(READINESS_CHECKS) private readonly extraChecks: HealthIndicatorFunction[],
  ) {}

  /** Liveness: the process answers. Says nothing about its dependencies. */
  @Get('health')
  @Public()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database and NATS answer; 503 with the failing one named otherwise. */
  @Get('ready')
  @Public()
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), ...this.extraChecks]);
  }
}
