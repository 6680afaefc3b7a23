export * from './answer-made.v1';
export * from './brokerage-validation';
export * from './brokerage-vocabulary';
export * from './package-accepted.v1';
export * from './package-gone.v1';
export * from './package-requested.v1';
export * from './package-terms.v1';
