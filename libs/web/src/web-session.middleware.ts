import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type RequestHandler, type Response, urlencoded } from 'express';
import { DataSource } from 'typeorm';

import { WEB_SIGN_IN, WebSignIn } from './web.config';
import { WEB_APP, WebApp } from './web-app';
import { webSession } from './web-session';

/**
 * On page routes only: form bodies (up to 1,000 fields: a tender's offer form has three a lot, for up
 * to 200 lots) and the session. API routes never read the cookie, so bearer tokens work as before.
 */
@Injectable()
export class WebSessionMiddleware implements NestMiddleware {
  private readonly handlers: RequestHandler[];
  private readonly policy: string;

  constructor(@Inject(WEB_SIGN_IN) settings: WebSignIn | null, @Inject(WEB_APP) app: WebApp, dataSource: DataSource) {
    this.policy = pagePolicy(settings);
    this.handlers = settings
      ? [urlencoded({ extended: false, limit: '100kb', parameterLimit: 1000 }), webSession(settings, dataSource, app.cookieName)]
      : [];
  }

  use(req: Request, res: Response, next: NextFunction): void {
    res.setHeader('Content-Security-Policy', this.policy);
    const run = (i: number) =>
      i === this.handlers.length ? next() : this.handlers[i](req, res, (err?: unknown) => (err ? next(err) : run(i + 1)));
    run(0);
  }
}

/**
 * The pages' Content-Security-Policy, stricter than the API's: scripts, styles, images and fonts from
 * the app itself only (no inline script or style attribute, no other site), nothing may frame a page,
 * and forms post to the app — or, for signing in and out, lead on to the identity provider.
 */
export function pagePolicy(settings: WebSignIn | null): string {
  const formTargets = ["'self'", ...(settings ? [settings.issuer.origin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
