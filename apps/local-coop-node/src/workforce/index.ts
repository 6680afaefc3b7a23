import { Staff } from './staff.entity';
import { TrainingRecord } from './training-record.entity';
import { Vacancy } from './vacancy.entity';

export { StaffDataView } from './staff.dto';
export { StaffQueries } from './staff.queries';
export { StaffStore } from './staff.store';
export { WorkforceModule } from './workforce.module';
export type { Employment } from './workforce.rules';
export { isEmployedOn } from './workforce.rules';
export const WORKFORCE_ENTITIES = [Staff, TrainingRecord, Vacancy];
export type { StaffRole } from './workforce.rules';
export { contractViolation } from './workforce.rules';
