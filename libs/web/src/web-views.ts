import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';

import { errorSummary, FieldError } from './page-forms';
import { ukDateTime } from './page-words';
import { WEB_APP, WebApp } from './web-app';
import { findDir, govukDir, viewsDir } from './web-files';
import { csrfToken } from './web-session';

/** Server-rendered pages: nunjucks with govuk-frontend's macros, autoescaped, and a `ukTime` filter for instants. */
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
    // `{{ at | ukTime }}`: an instant as every page shows it, in UK time.
    this.env.addFilter('ukTime', (iso: string | Date | null | undefined) => ukDateTime(iso));
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

  /** A page sent as HTML with its status (200 unless said: 201 for something just made, 409 when it changed meanwhile). */
  send(req: Request, res: Response, view: string, context: Record<string, unknown> = {}, status = 200): void {
    res
      .status(status)
      .type('html')
      .send(this.render(req, view, context));
  }

  /**
   * A form sent back because of what was typed: 400 (or 409 when the thing changed meanwhile), "Error:" in
   * the page's title, GOV.UK's error summary at the top and each error beside its field.
   */
  sendErrors(
    req: Request,
    res: Response,
    view: string,
    context: Record<string, unknown> & { title: string },
    errors: readonly FieldError[],
    status = 400,
  ): void {
    this.send(req, res, view, { ...context, ...errorSummary(errors), title: `Error: ${context.title}` }, status);
  }
}
