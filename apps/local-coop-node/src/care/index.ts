import { CareGoal } from './care-goal.entity';
import { CarePlan } from './care-plan.entity';
import { SafeguardingConcern } from './safeguarding-concern.entity';
import { ServiceUser } from './service-user.entity';
import { Visit } from './visit.entity';

export { CareModule } from './care.module';
export { CareSummaryView, ContinuityListQuery, ContinuityView } from './care-reports.dto';
export { CareReportQueries } from './care-reports.queries';
export const CARE_ENTITIES = [ServiceUser, CarePlan, CareGoal, Visit, SafeguardingConcern];
export type { Support, VisitStatus } from './care.rules';
export { isSupportedOn, localDateOf, visitDayViolation } from './care.rules';
export { RecordSafeguardingConcern } from './record-safeguarding-concern.use-case';
export { RegisterServiceUser } from './register-service-user.use-case';
export { SafeguardingConcernQueries } from './safeguarding-concern.queries';
export {
  ListSafeguardingConcernsQuery,
  RecordSafeguardingConcernDto,
  SAFEGUARDING_STATES,
  SafeguardingConcernView,
  UpdateSafeguardingConcernDto,
} from './safeguarding-concerns.dto';
export { ServiceUserQueries } from './service-user.queries';
export { ListServiceUsersQuery, RegisterServiceUserDto } from './service-users.dto';
export { UpdateSafeguardingConcern } from './update-safeguarding-concern.use-case';
