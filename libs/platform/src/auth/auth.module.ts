import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: { secret: string; audience: string }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenService, useValue: new TokenService(options.secret, options.audience) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService],
    };
  }
}
