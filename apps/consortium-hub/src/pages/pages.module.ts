import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { ReportingModule } from '../reporting';
import { ReportPagesController } from './report-pages.controller';
import { ReportPages } from './report-pages.queries';

/** The hub's web pages for people (commissioners first), on the shared web platform (libs/web). */
@Module({
  imports: [ReportingModule],
  controllers: [ReportPagesController],
  providers: [ReportPages],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ReportPagesController);
  }
}
