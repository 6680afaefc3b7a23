export * from './create-http-app';
export * from './pagination';
export * from './input-safety.pipe';
