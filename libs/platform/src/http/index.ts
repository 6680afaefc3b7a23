export * from './create-http-app';
export * from './pagination';
export * from './input-safety.pipe';
export * from './period.query';
