export * from './audit.controller';
export * from './audit.dto';
export * from './audit.interceptor';
export * from './audit.module';
export * from './audit.service';
export * from './audit-context';
export * from './audit-trail.migration';
export * from './audit-transaction.subscriber';
