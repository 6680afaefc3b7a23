/** Test-data builders: each returns a body the API accepts today, with defaults a test overrides where it matters. */
export * from './brokerage';
export * from './care';
export * from './members';
export * from './onboarding';
export * from './purchasing';
export * from './records';
export * from './recruitment';
export * from './tendering';
export * from './time-credits';
export * from './volunteering';
export * from './workforce';
