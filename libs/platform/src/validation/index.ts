export * from './int-between';
export * from './validators';
