import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type RequestHandler, type Response, urlencoded } from 'express';
import { DataSource } from 'typeorm';

import { WEB_SIGN_IN, WebSignIn } from './web.config';
import { webSession } from './web-session';

/** On page routes only: form bodies and the session. API routes never read the cookie, so bearer tokens work as before. */
@Injectable()
export class WebSessionMiddleware implements NestMiddleware {
  private readonly handlers: RequestHandler[];

  constructor(@Inject(WEB_SIGN_IN) settings: WebSignIn | null, dataSource: DataSource) {
    this.handlers = settings ? [urlencoded({ extended: false, limit: '20kb', parameterLimit: 50 }), webSession(settings, dataSource)] : [];
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const run = (i: number) =>
      i === this.handlers.length ? next() : this.handlers[i](req, res, (err?: unknown) => (err ? next(err) : run(i + 1)));
    run(0);
  }
}
