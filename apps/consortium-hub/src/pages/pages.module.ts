import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { BrokerageModule } from '../brokerage';
import { OnboardingModule } from '../onboarding';
import { PurchasingModule } from '../purchasing';
import { RecruitmentModule } from '../recruitment';
import { RegistryModule } from '../registry';
import { ReportingModule } from '../reporting';
import { TenderingModule } from '../tendering';
import { TimeClearingModule } from '../time-clearing';
import { BrokeragePagesController } from './brokerage-pages.controller';
import { ClearingPagesController } from './clearing-pages.controller';
import { ClearingPages } from './clearing-pages.queries';
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
import { RoundFromPage } from './round-from-page.use-case';
import { RoundPagesController } from './round-pages.controller';
import { RoundPages } from './round-pages.queries';
import { TenderEntryPagesController } from './tender-entry-pages.controller';
import { TenderFromPage } from './tender-from-page.use-case';
import { TenderPagesController } from './tender-pages.controller';
import { TenderPages } from './tender-pages.queries';
import { TrendPagesController } from './trend-pages.controller';
import { TrendPages } from './trend-pages.queries';

const CONTROLLERS = [
  ReportPagesController,
  CyclePagesController,
  TrendPagesController,
  RoundPagesController,
  TenderEntryPagesController,
  TenderPagesController,
  RegistryPagesController,
  PoolPagesController,
  JourneyPagesController,
  BrokeragePagesController,
  ClearingPagesController,
];

/**
 * The hub's web pages for people (commissioners' reports, trends and tenders; staff's return cycles,
 * purchasing rounds, tenders, registry, recruitment pool and onboarding journeys; time credits between
 * co-ops), on the shared web platform (libs/web).
 */
@Module({
  imports: [
    ReportingModule,
    PurchasingModule,
    TenderingModule,
    RegistryModule,
    RecruitmentModule,
    OnboardingModule,
    BrokerageModule,
    TimeClearingModule,
  ],
  controllers: CONTROLLERS,
  providers: [
    ReportPages,
    CyclePages,
    ReviewFromPage,
    CycleActionsFromPage,
    TrendPages,
    RoundPages,
    RoundFromPage,
    TenderPages,
    TenderFromPage,
    RegistryPages,
    PoolPages,
    JourneyPages,
    JourneyFromPage,
    ClearingPages,
  ],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ...CONTROLLERS);
  }
}
