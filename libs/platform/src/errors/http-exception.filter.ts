import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';

import { DomainError, DomainErrorKind } from './domain-error';
import { isDatabaseUnavailable, safeErrorMessage } from './safe-error';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  'too-many': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export function domainErrorStatus(error: DomainError): number {
  return STATUS[error.kind];
}

/** Seconds a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE = {
  statusCode: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'DATABASE_UNAVAILABLE',
  message: 'the database is unavailable; try again shortly',
} as const;

/**
 * Maps domain errors to HTTP by their kind, passes Nest's own exceptions through, answers 503 while
 * the database is unreachable, and never leaks a stack or an error's own words about a value.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse();
    // A route that answers CSV sets its type (and a download name) before its pipes run: an error is JSON all the same.
    if (!response.headersSent) {
      response.removeHeader('Content-Disposition');
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
    }
    if (exception instanceof DomainError) {
      const status = domainErrorStatus(exception);
      response.status(status).json({
        statusCode: status,
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    const clientError = exception as { status?: unknown; expose?: unknown; message?: unknown };
    if (clientError?.expose === true && typeof clientError.status === 'number' && clientError.status >= 400 && clientError.status < 500) {
      // Errors from the body parser (too large, bad JSON, bad encoding) are the client's, and say so.
      response.status(clientError.status).json({ statusCode: clientError.status, message: String(clientError.message) });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // Not the caller's fault and not a bug: the same request will work once the database is back.
      this.logger.warn({ msg: 'database unavailable', reason: safeErrorMessage(exception) });
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json(DATABASE_UNAVAILABLE);
      return;
    }
    this.logger.error({ msg: 'unhandled error', err: describeUnhandled(exception) });
    response.status(500).json({ statusCode: 500, message: 'internal error' });
  }
}

/** The error's safe text and where it was thrown; the stack's first line repeats the raw message, so it goes. */
function describeUnhandled(exception: unknown): { name?: string; message: string; stack?: string[] } {
  if (!(exception instanceof Error)) return { message: safeErrorMessage(exception) };
  const frames = exception.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return { name: exception.name, message: safeErrorMessage(exception), ...(frames?.length ? { stack: frames } : {}) };
}
