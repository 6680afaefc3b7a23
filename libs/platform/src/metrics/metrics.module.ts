import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { AppMetrics } from './app-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { METRICS_SETTINGS, MetricsSettings } from './metrics.rules';

/** Prometheus metrics for one app: the registry every feature adds to, request latency, and GET /metrics. */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(app: string, settings: MetricsSettings): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: AppMetrics, useValue: new AppMetrics(app) },
        { provide: METRICS_SETTINGS, useValue: settings },
        HttpMetricsMiddleware,
      ],
      exports: [AppMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
