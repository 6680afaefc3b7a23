import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';

import { subjectScheme } from '@app/contracts';
import { EnvelopeSigner, FederationModule, NatsLink, natsReadiness, SIGNATURE_KEYS } from '@app/federation';
import {
  AuditModule,
  AuthModule,
  ClockModule,
  HealthModule,
  HUB_ROLES,
  HUB_TOKENS,
  LoggingModule,
  MetricsModule,
  RateLimitModule,
  READINESS_CHECKS,
} from '@app/platform';
import { WebModule } from '@app/web';

import { BrokerageModule } from './brokerage';
import { HubConfig } from './config/hub.config';
import { HUB_CONFIG } from './config/hub-config.token';
import { hubDataSourceOptions } from './database/database-options';
import { FederationStatusModule } from './federation-status';
import { LiveQuestionsModule } from './live-questions';
import { OnboardingModule } from './onboarding';
import { PagesModule } from './pages';
import { PurchasingModule } from './purchasing';
import { RecruitmentModule } from './recruitment';
import { RegistryKeys, RegistryModule } from './registry';
import { ReportingModule } from './reporting';
import { TenderingModule } from './tendering';
import { TimeClearingModule } from './time-clearing';

@Module({})
export class HubModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: HubModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ level: config.LOG_LEVEL, app: 'consortium-hub' }),
        TypeOrmModule.forRoot(hubDataSourceOptions(config)),
        ScheduleModule.forRoot(),
        ClockModule.forRoot({ testClock: config.TEST_CLOCK === 'true' }),
        RateLimitModule.forRoot({ perMinute: config.RATE_LIMIT_PER_MINUTE }),
        MetricsModule.forRoot('consortium-hub', { token: config.METRICS_TOKEN }),
        AuditModule.forRoot({ readerRoles: ['consortium-staff'] }),
        AuthModule.forRoot({ settings: config, authority: HUB_TOKENS }),
        FederationModule.forRoot({
          side: { kind: 'hub' },
          scheme: subjectScheme(config.NATS_SUBJECT_ROOT),
          config,
          connectionName: 'consortium-hub',
          signer: new EnvelopeSigner(config.NATS_NKEY_SEED),
        }),
        HealthModule.forRoot({ provide: READINESS_CHECKS, useFactory: (link: NatsLink) => [natsReadiness(link)], inject: [NatsLink] }),
        RegistryModule,
        ReportingModule,
        TenderingModule,
        PurchasingModule,
        LiveQuestionsModule,
        RecruitmentModule,
        OnboardingModule,
        TimeClearingModule,
        FederationStatusModule,
        BrokerageModule,
        WebModule.forRoot(config, {
          serviceName: 'Care Co-op Mesh',
          // People sign in to the hub's pages as staff or commissioners; co-ops and candidates are not page users.
          roles: HUB_ROLES.filter((r) => r === 'consortium-staff' || r === 'commissioner'),
          home: '/reports',
          views: ['apps/consortium-hub/src/pages/views'],
        }),
        PagesModule,
      ],
      providers: [
        { provide: HUB_CONFIG, useValue: config },
        { provide: SIGNATURE_KEYS, useClass: RegistryKeys },
      ],
      exports: [HUB_CONFIG, SIGNATURE_KEYS],
    };
  }
}
