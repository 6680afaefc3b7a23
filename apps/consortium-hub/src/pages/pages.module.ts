import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { PurchasingModule } from '../purchasing';
import { ReportingModule } from '../reporting';
import { TenderingModule } from '../tendering';
import { CyclePagesController } from './cycle-pages.controller';
import { CyclePages } from './cycle-pages.queries';
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

/**
 * The hub's web pages for people (commissioners' reports and tenders, staff's return cycles,
 * purchasing rounds and tenders), on the shared web platform (libs/web).
 */
@Module({
  imports: [ReportingModule, PurchasingModule, TenderingModule],
  controllers: [ReportPagesController, CyclePagesController, RoundPagesController, TenderEntryPagesController, TenderPagesController],
  providers: [ReportPages, CyclePages, ReviewFromPage, RoundPages, RoundFromPage, TenderPages, TenderFromPage],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(
      consumer,
      ReportPagesController,
      CyclePagesController,
      RoundPagesController,
      TenderEntryPagesController,
      TenderPagesController,
    );
  }
}
