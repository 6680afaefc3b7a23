export * from './ensure-database';
export * from './data-source-options';
export * from './safe-query-logger';
