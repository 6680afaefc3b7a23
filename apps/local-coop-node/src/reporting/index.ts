export type { ComputedReturn } from './compute-return.use-case';
export { ComputeReturn } from './compute-return.use-case';
export { ReportingModule } from './reporting.module';
