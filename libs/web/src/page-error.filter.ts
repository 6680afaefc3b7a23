import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { SignInRequired } from './web.errors';
import { WebViews } from './web-views';

/** Errors on pages are pages: sign-in for a missing session, a plain page saying what went wrong otherwise. */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  constructor(private readonly views: WebViews) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof SignInRequired) {
      res.redirect(303, `/sign-in?next=${encodeURIComponent(error.next)}`);
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : 500;
    if (status >= 500) this.logger.error(`page failed: ${error instanceof Error ? error.name : 'error'}`);
    const titles: Record<number, string> = { 400: 'There is a problem', 403: 'You cannot see this page', 404: 'Page not found' };
    const raw = error instanceof HttpException ? error.getResponse() : undefined;
    const message = status < 500 && raw && typeof raw === 'object' && 'message' in raw ? [raw.message].flat().join('. ') : undefined;
    res
      .status(status)
      .type('html')
      .send(
        this.views.render(req, 'error.njk', {
          status,
          title: titles[status] ?? 'Sorry, there is a problem with the service',
          message: status < 500 ? message : 'Try again later.',
        }),
      );
  }
}
