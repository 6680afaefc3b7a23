import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError, domainErrorStatus, isDatabaseUnavailable, safeErrorMessage } from '@app/platform';

import { sentence } from './page-words';
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
    // The same statuses as the API answers: a domain refusal by its kind (not found 404, conflict 409), the
    // database away 503; so a page lets a use case's DomainError through instead of mapping it itself.
    const status =
      error instanceof HttpException
        ? error.getStatus()
        : error instanceof DomainError
          ? domainErrorStatus(error)
          : isDatabaseUnavailable(error)
            ? 503
            : 500;
    if (status >= 500) {
      this.logger.error({
        msg: 'page failed',
        path: req.route?.path ?? 'unmatched',
        status,
        reason: safeErrorMessage(error, 200),
        correlationId: req.id,
      });
    }
    const titles: Record<number, string> = {
      400: 'There is a problem',
      403: 'You cannot see this page',
      404: 'Page not found',
      409: 'This has changed meanwhile',
      503: 'Sorry, the service is unavailable',
    };
    const raw = error instanceof HttpException ? error.getResponse() : undefined;
    const message =
      status >= 500
        ? undefined
        : error instanceof DomainError
          ? sentence(error.message)
          : raw && typeof raw === 'object' && 'message' in raw
            ? [raw.message].flat().join('. ')
            : undefined;
    res
      .status(status)
      .type('html')
      .send(
        this.views.render(req, 'error.njk', {
          status,
          title: titles[status] ?? 'Sorry, there is a problem with the service',
          message: message ?? 'Try again later.',
        }),
      );
  }
}
