export * from './week';
export * from './live-question';
export * from './spare-care-hours.v1';
