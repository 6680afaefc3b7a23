import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import nunjucks from 'nunjucks';

import { WEB_APP, WebApp } from './web-app';
import { findDir, govukDir, viewsDir } from './web-files';
import { csrfToken } from './web-session';

/** Server-rendered pages: nunjucks with govuk-frontend's macros, autoescaped. */
@Injectable()
export class WebViews {
  private readonly env: nunjucks.Environment;

  constructor(@Inject(WEB_APP) private readonly app: WebApp) {
    this.env = new nunjucks.Environment(
      new nunjucks.FileSystemLoader([viewsDir(), ...app.views.map(findDir), govukDir()], { noCache: false }),
      {
        autoescape: true,
        throwOnUndefined: false,
      },
    );
  }

  /** A page, with what every page shows: the service name, who is signed in, the sign-out form's token. */
  render(req: Request, view: string, context: Record<string, unknown> = {}): string {
    const user = req.session?.user;
    return this.env.render(view, {
      serviceName: this.app.serviceName,
      user,
      csrf: req.session && user ? csrfToken(req) : undefined,
      path: req.path,
      ...context,
    });
  }
}
