import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, from } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError } from '../errors/domain-error';
import type { Principal } from '../auth/principal';
import { AuditTrail } from './audit.service';

const AUDIT_READ = 'ccm:audit-read';
/** Audits a read too (exports of a person's data): by default only changes are audited. */
export const AuditRead = () => SetMetadata(AUDIT_READ, true);

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every change made over HTTP (and audited reads) by a signed-in caller: the caller from
 * their token, the route template and the ids it named, and how it ended — refusals (400, 404, 409)
 * too, since a run of them is what an administrator needs to see. Requests the sign-in guard turns
 * away (401, 403) never reach a handler and are in the request log instead.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest();
    const audited = CHANGES.has(req.method) || this.reflector.getAllAndOverride<boolean>(AUDIT_READ, [context.getHandler(), context.getClass()]);
    if (!audited) return next.handle();
    const principal: Principal | undefined = req.principal;
    const base = {
      actor: principal ? `${principal.role}:${principal.memberId ?? principal.coopId ?? principal.subject}` : 'anonymous',
      actorRole: principal?.role ?? 'none',
      action: `${req.method} ${req.route?.path ?? req.path}`,
      target: Object.keys(req.params ?? {}).length ? Object.entries(req.params).map(([k, v]) => `${k}=${v}`).join(',') : null,
      correlationId: typeof req.id === 'string' ? req.id : null,
    };
    const res = context.switchToHttp().getResponse();
    return next.handle().pipe(
      mergeMap((value) => from(this.trail.recordSafely({ ...base, outcome: 'succeeded', status: res.statusCode }).then(() => value))),
      catchError((error) => {
        const status = error instanceof HttpException ? error.getStatus() : error instanceof DomainError ? null : 500;
        const outcome = error instanceof DomainError || (status !== null && status < 500) ? 'refused' : 'failed';
        return from(this.trail.recordSafely({ ...base, outcome, status }).then(() => Promise.reject(error)));
      }),
    );
  }
}
