export * from './data-source-options';
export * from './ensure-database';
export * from './exclusive-job';
export * from './migrate-once';
export * from './safe-query-logger';
