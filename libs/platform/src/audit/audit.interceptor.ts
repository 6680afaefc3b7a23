import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { from, Observable } from 'rxjs';
import { catchError, finalize, mergeMap } from 'rxjs/operators';

import type { Principal } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import { domainErrorStatus } from '../errors/http-exception.filter';
import { isDatabaseUnavailable } from '../errors/safe-error';
import { AuditTrail } from './audit.service';
import { AuditContext, AuditedRequest } from './audit-context';

const AUDIT_READ = 'ccm:audit-read';
/** Audits a read too (exports of a person's data): by default only changes are audited. */
export const AuditRead = () => SetMetadata(AUDIT_READ, true);

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every change made over HTTP (and audited reads) by a signed-in caller: the caller from
 * their token, the route template and the ids it named, and how it ended — refusals (400, 404, 409)
 * too, since a run of them is what an administrator needs to see. Requests the sign-in guard turns
 * away (401, 403) never reach a handler and are in the request log instead.
 *
 * A request that commits a transaction gets its row inside that transaction (AuditTransactionSubscriber),
 * with the route's success status; a row written here, after the handler, is for a request that
 * committed nothing: a refusal, a failure, or a change that needed no transaction of its own.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly reflector: Reflector,
    private readonly context: AuditContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest();
    const audited =
      CHANGES.has(req.method) || this.reflector.getAllAndOverride<boolean>(AUDIT_READ, [context.getHandler(), context.getClass()]);
    if (!audited) return next.handle();
    const principal: Principal | undefined = req.principal;
    const base = {
      actor: principal ? `${principal.role}:${principal.memberId ?? principal.coopId ?? principal.subject}` : 'anonymous',
      actorRole: principal?.role ?? 'none',
      action: `${req.method} ${req.route?.path ?? req.path}`,
      target: Object.keys(req.params ?? {}).length
        ? Object.entries(req.params)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : null,
      correlationId: typeof req.id === 'string' ? req.id : null,
    };
    const routeStatus: number =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const request: AuditedRequest = {
      entry: { ...base, outcome: 'succeeded', status: routeStatus },
      pending: null,
      committed: false,
      finished: false,
    };
    const res = context.switchToHttp().getResponse();
    // Nest binds the handler to the async context in which next.handle() is called: so it is called
    // inside the request's, and every transaction the handler commits sees the audited request.
    return new Observable((subscriber) =>
      this.context.run(request, () =>
        next
          .handle()
          .pipe(
            mergeMap((value) => {
              request.finished = true;
              if (request.committed) return [value];
              // A page answers its own refusals (a form shown again with its errors, 400) without throwing.
              const status: number = res.statusCode;
              const outcome = status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'succeeded';
              return from(this.trail.recordSafely({ ...base, outcome, status }).then(() => value));
            }),
            catchError((error) => {
              request.finished = true;
              if (request.committed) throw error;
              const status = statusOf(error);
              return from(
                this.trail
                  .recordSafely({ ...base, outcome: status < 500 ? 'refused' : 'failed', status })
                  .then(() => Promise.reject(error)),
              );
            }),
            finalize(() => (request.finished = true)),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

/** The status the error filter will answer with. */
function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainError) return domainErrorStatus(error);
  if (isDatabaseUnavailable(error)) return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
