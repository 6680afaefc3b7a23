export * from './config';
export * from './auth';
export * from './database';
export * from './errors';
export * from './http';
export * from './health';
export * from './logging';
export * from './cli/run-cli';
