import { Module } from '@nestjs/common';

import { MembersModule } from '../members';
import { RulebookModule } from '../rulebook';
import { CloseVacancy } from './close-vacancy.use-case';
import { HireStaff } from './hire-staff.use-case';
import { OpenVacancy } from './open-vacancy.use-case';
import { RecordLeaving } from './record-leaving.use-case';
import { RecordTraining } from './record-training.use-case';
import { StaffController } from './staff.controller';
import { StaffQueries } from './staff.queries';
import { StaffStore } from './staff.store';
import { UpdateStaff } from './update-staff.use-case';
import { VacanciesController } from './vacancies.controller';
import { VacancyQueries } from './vacancy.queries';
import { VacancyStore } from './vacancy.store';
import { VacancyPoolStore } from './vacancy-pool.store';
import { WorkforceSummaryController } from './workforce-summary.controller';
import { WorkforceSummaryQueries } from './workforce-summary.queries';

/** The co-op as employer: staff, contracts and pay against the Real Living Wage, training, vacancies. */
@Module({
  imports: [RulebookModule, MembersModule],
  controllers: [StaffController, VacanciesController, WorkforceSummaryController],
  providers: [
    CloseVacancy,
    HireStaff,
    OpenVacancy,
    RecordLeaving,
    RecordTraining,
    StaffQueries,
    StaffStore,
    UpdateStaff,
    VacancyQueries,
    VacancyPoolStore,
    VacancyStore,
    WorkforceSummaryQueries,
  ],
  exports: [CloseVacancy, HireStaff, StaffQueries, StaffStore, VacancyPoolStore, VacancyQueries, VacancyStore, WorkforceSummaryQueries],
})
export class WorkforceModule {}
