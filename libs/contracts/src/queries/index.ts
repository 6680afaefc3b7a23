export * from './live-question';
export * from './spare-care-hours.v1';
export * from './week';
