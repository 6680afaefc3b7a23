export * from './audit-trail.migration';
export * from './audit.service';
export * from './audit.interceptor';
export * from './audit.module';
export * from './audit.controller';
