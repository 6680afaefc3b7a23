import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';

import { HitLogStorage } from './hit-log.storage';

/**
 * Rate limiting per client address, in memory (per app instance): enough to blunt a scripted
 * guesser or a runaway client. Health and readiness probes are exempt. The hits are kept by
 * HitLogStorage, which counts as the library's own storage does at a cost per request that does not
 * grow with the number of requests a client has made in the window.
 */
@Module({})
export class RateLimitModule {
  static forRoot(options: { perMinute: number }): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-client', ttl: 60_000, limit: options.perMinute }],
          storage: new HitLogStorage(),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
