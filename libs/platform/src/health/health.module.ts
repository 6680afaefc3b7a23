import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { HealthController, READINESS_CHECKS } from './health.controller';

@Module({})
export class HealthModule {
  /** `checks` is a provider of READINESS_CHECKS built from the app's own services. */
  static forRoot(checks: Provider, imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }), ...(imports ?? [])],
      controllers: [HealthController],
      providers: [checks],
    };
  }
}

export { READINESS_CHECKS };
