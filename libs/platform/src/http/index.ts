export * from './create-http-app';
