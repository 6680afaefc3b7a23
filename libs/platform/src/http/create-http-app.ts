import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

import { HttpErrorFilter } from '../errors/http-exception.filter';
import { bodyDepthLimit } from './body-depth';
import { InputSafetyPipe } from './input-safety.pipe';

export interface HttpAppOptions {
  title: string;
  description: string;
  version: string;
  bodyLimitKb: number;
  /** Empty: CORS stays closed (no Access-Control-Allow-Origin header for anyone). */
  corsOrigins: string[];
}

/**
 * The HTTP set-up both apps share: security headers (helmet), a body size limit, CORS closed unless
 * origins are configured, JSON logs, validation that refuses unknown fields and names the failing
 * field, the error filter, OpenAPI at /docs, and shutdown hooks so in-flight work finishes.
 * It does not listen: the caller does, once everything is ready.
 */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  configureHttpApp(app, options);
  return app;
}

export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.useBodyParser('json', { limit: `${options.bodyLimitKb}kb` });
  app.use(bodyDepthLimit());
  if (options.corsOrigins.length) app.enableCors({ origin: options.corsOrigins, credentials: false });
  app.useGlobalPipes(
    new InputSafetyPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  // A client keeps an idle connection for a few seconds to reuse it (undici: 4 s, later still when its
  // process is busy). The server must not close it first, or a request sent on it as it closes is lost
  // ("other side closed"). Closing is the client's to do; shutdown still closes idle connections.
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion(options.version).addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
