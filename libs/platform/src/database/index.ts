export * from './data-source-options';
export * from './ensure-database';
export * from './safe-query-logger';
export * from './exclusive-job';
