import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { HomePagesController } from './home-pages.controller';
import { HomePages } from './home-pages.queries';

/** The node's web pages for its admin and its members, on the shared web platform (libs/web). */
@Module({
  controllers: [HomePagesController],
  providers: [HomePages],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, HomePagesController);
  }
}
