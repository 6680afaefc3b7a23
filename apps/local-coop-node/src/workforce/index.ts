import { Staff } from './staff.entity';
import { TrainingRecord } from './training-record.entity';
import { Vacancy } from './vacancy.entity';

export { WorkforceModule } from './workforce.module';
export { StaffQueries } from './staff.queries';
export { StaffDataView } from './staff.dto';
export { isEmployedOn } from './workforce.rules';
export type { Employment } from './workforce.rules';
export const WORKFORCE_ENTITIES = [Staff, TrainingRecord, Vacancy];
export { contractViolation } from './workforce.rules';
export type { StaffRole } from './workforce.rules';
