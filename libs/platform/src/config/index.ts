export * from './common.config';
export * from './federation.config';
export * from './load-config';
