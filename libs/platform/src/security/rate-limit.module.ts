import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';

/**
 * Rate limiting per client address, in memory (per app instance): enough to blunt a scripted
 * guesser or a runaway client. Health and readiness probes are exempt.
 */
@Module({})
export class RateLimitModule {
  static forRoot(options: { perMinute: number }): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [ThrottlerModule.forRoot([{ name: 'per-client', ttl: 60_000, limit: options.perMinute }])],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
