import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { OnboardingModule } from '../onboarding';
import { RecruitmentModule } from '../recruitment';
import { RegistryModule } from '../registry';
import { ReportingModule } from '../reporting';
import { CycleActionsFromPage } from './cycle-actions-from-page.use-case';
import { CyclePagesController } from './cycle-pages.controller';
import { CyclePages } from './cycle-pages.queries';
import { JourneyFromPage } from './journey-from-page.use-case';
import { JourneyPagesController } from './journey-pages.controller';
import { JourneyPages } from './journey-pages.queries';
import { PoolPagesController } from './pool-pages.controller';
import { PoolPages } from './pool-pages.queries';
import { RegistryPagesController } from './registry-pages.controller';
import { RegistryPages } from './registry-pages.queries';
import { ReportPagesController } from './report-pages.controller';
import { ReportPages } from './report-pages.queries';
import { ReviewFromPage } from './review-from-page.use-case';
import { TrendPagesController } from './trend-pages.controller';
import { TrendPages } from './trend-pages.queries';

const CONTROLLERS = [
  ReportPagesController,
  CyclePagesController,
  TrendPagesController,
  RegistryPagesController,
  PoolPagesController,
  JourneyPagesController,
];

/**
 * The hub's web pages for people (commissioners' reports and trends; staff's return cycles, registry,
 * recruitment pool and onboarding journeys), on the shared web platform (libs/web).
 */
@Module({
  imports: [ReportingModule, RegistryModule, RecruitmentModule, OnboardingModule],
  controllers: CONTROLLERS,
  providers: [
    ReportPages,
    CyclePages,
    ReviewFromPage,
    CycleActionsFromPage,
    TrendPages,
    RegistryPages,
    PoolPages,
    JourneyPages,
    JourneyFromPage,
  ],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ...CONTROLLERS);
  }
}
