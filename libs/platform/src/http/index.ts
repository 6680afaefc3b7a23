export * from './create-http-app';
export * from './input-safety.pipe';
export * from './keyed-by';
export * from './pagination';
export * from './period.query';
export * from './uuid-param';
