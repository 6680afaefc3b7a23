export type { ComputedReturn } from './compute-return.use-case';
export { ComputeReturn } from './compute-return.use-case';
export { ReturnPreviewQuery, ReturnRequestView } from './reporting.dto';
export { ReportingModule } from './reporting.module';
export { ReturnRequestQueries } from './return-request.queries';
export { SubmitReturn } from './submit-return.use-case';
