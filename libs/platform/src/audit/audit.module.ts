import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { ROLES_KEY } from '../auth/roles.decorator';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditQueries } from './audit.queries';
import { AuditTrail } from './audit.service';
import { AuditContext } from './audit-context';
import { AuditTransactionSubscriber } from './audit-transaction.subscriber';

/** The audit trail: the interceptor for HTTP changes, the writer for use cases and messages, and GET /audit. */
@Global()
@Module({})
export class AuditModule {
  static forRoot(options: { readerRoles: string[] }): DynamicModule {
    // A class of its own per app, so the hub's and a node's reader roles never overwrite each other.
    class AppAuditController extends AuditController {}
    Reflect.defineMetadata(ROLES_KEY, options.readerRoles, AppAuditController);
    return {
      module: AuditModule,
      controllers: [AppAuditController],
      providers: [
        AuditQueries,
        AuditTrail,
        AuditContext,
        AuditTransactionSubscriber,
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      exports: [AuditTrail],
    };
  }
}
