import { DynamicModule, MiddlewareConsumer, Module, NestModule, Type } from '@nestjs/common';

import { OidcClient } from './oidc-client';
import { PageGuard } from './page.guard';
import { PageErrorFilter } from './page-error.filter';
import { SignInController } from './sign-in.controller';
import { SignInPeople } from './sign-in-people.use-case';
import { WEB_SIGN_IN, WebSettings, webSignIn } from './web.config';
import { WEB_APP, WEB_PEOPLE, WebApp, WebPeople } from './web-app';
import { WebSessionMiddleware } from './web-session.middleware';
import { WebViews } from './web-views';

/**
 * The pages' platform: sign-in with OpenID Connect, the session, the page guard and error pages,
 * and the templates. An app's page controllers import this module and apply WebSessionMiddleware
 * to themselves (see `applyWebSession`).
 */
@Module({})
export class WebModule implements NestModule {
  /** `people`: the app's own check of who signs in (see WebPeople), e.g. a node tying a member to their record. */
  static forRoot(settings: WebSettings, app: WebApp, options: { people?: Type<WebPeople> } = {}): DynamicModule {
    return {
      module: WebModule,
      global: true,
      controllers: [SignInController],
      providers: [
        { provide: WEB_SIGN_IN, useValue: webSignIn(settings) },
        { provide: WEB_APP, useValue: app },
        OidcClient,
        SignInPeople,
        PageGuard,
        PageErrorFilter,
        WebViews,
        WebSessionMiddleware,
        ...(options.people ? [{ provide: WEB_PEOPLE, useClass: options.people }] : []),
      ],
      // WEB_PEOPLE too: a page guard is made in the module of each controller that uses it, and asks it on every page.
      exports: [WEB_SIGN_IN, WEB_APP, PageGuard, PageErrorFilter, WebViews, WebSessionMiddleware, ...(options.people ? [WEB_PEOPLE] : [])],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, SignInController);
  }
}

export function applyWebSession(consumer: MiddlewareConsumer, ...controllers: Type[]): void {
  consumer.apply(WebSessionMiddleware).forRoutes(...controllers);
}
