import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { AppMetrics } from './app-metrics';
import { routeLabel } from './metrics.rules';

/** Times every request from arrival to the last byte of the answer, labelled by route template and status. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: AppMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = (req as Request & { route?: { path?: unknown } }).route;
      end({ method: req.method, route: routeLabel(route?.path, route !== undefined), status: String(res.statusCode) });
    });
    next();
  }
}
