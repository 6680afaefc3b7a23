import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { AuthGuard } from './auth.guard';
import { TokenAuthority } from './principal';
import { SignInSettings, TokenService } from './token.service';

@Global()
@Module({})
export class AuthModule {
  /** Bearer tokens are checked with this app's own public key, for its own issuer and audience only. */
  static forRoot(options: { settings: SignInSettings; authority: TokenAuthority }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenService, useValue: TokenService.fromSettings(options.settings, options.authority) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService],
    };
  }
}
