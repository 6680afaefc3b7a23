import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Structured JSON logs. Each HTTP request carries a correlation id (taken from the caller's
 * X-Correlation-Id when it is well formed, otherwise new) on every line; bodies, queries and the
 * Authorization header are never logged, since they may hold personal data or secrets.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: { level: string; app: string; coopId?: string }): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { app: options.app, ...(options.coopId ? { coopId: options.coopId } : {}) },
            genReqId: (req: IncomingMessage, res) => {
              const given = req.headers[CORRELATION_HEADER];
              const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
              res.setHeader(CORRELATION_HEADER, id);
              return id;
            },
            customAttributeKeys: { reqId: 'correlationId' },
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/ready' },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
