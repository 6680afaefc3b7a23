import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, DomainErrorKind } from './domain-error';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Maps domain errors to HTTP by their kind, passes Nest's own exceptions through, and never leaks a stack. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse();
    if (exception instanceof DomainError) {
      const status = STATUS[exception.kind];
      response.status(status).json({ statusCode: status, code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) });
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
    this.logger.error({ msg: 'unhandled error', err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) });
    response.status(500).json({ statusCode: 500, message: 'internal error' });
  }
}
