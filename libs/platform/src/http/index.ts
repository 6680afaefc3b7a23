export * from './create-http-app';
export * from './pagination';
