export { ReportingModule } from './reporting.module';
export { ComputeReturn } from './compute-return.use-case';
export type { ComputedReturn } from './compute-return.use-case';
