export type { HireRequestStaffView, PooledVacancyStaffView, PoolFiguresView } from './pool-figures.dto';
export { PoolRequestsQuery, PoolVacanciesQuery } from './pool-figures.dto';
export { PoolFiguresQueries } from './pool-figures.queries';
export { PoolStaffQueries } from './pool-staff.queries';
export { RecruitmentModule } from './recruitment.module';
