import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { ReportingModule } from '../reporting';
import { CyclePagesController } from './cycle-pages.controller';
import { CyclePages } from './cycle-pages.queries';
import { ReportPagesController } from './report-pages.controller';
import { ReportPages } from './report-pages.queries';
import { ReviewFromPage } from './review-from-page.use-case';

/** The hub's web pages for people (commissioners' reports, staff's return cycles), on the shared web platform (libs/web). */
@Module({
  imports: [ReportingModule],
  controllers: [ReportPagesController, CyclePagesController],
  providers: [ReportPages, CyclePages, ReviewFromPage],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ReportPagesController, CyclePagesController);
  }
}
