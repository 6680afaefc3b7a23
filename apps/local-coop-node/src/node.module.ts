import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';

import {
  ONBOARDING_SPIN_OFF_PROPOSED_V1,
  ONBOARDING_TEMPLATES_SHARED_V1,
  PURCHASING_COMMITMENT_MADE_V1,
  REPORTING_RETURN_SUBMITTED_V1,
  subjectScheme,
  TENDERING_OFFER_MADE_V1,
} from '@app/contracts';
import { EnvelopeSigner, FederationModule, HubKey, NatsLink, natsReadiness, SIGNATURE_KEYS } from '@app/federation';
import {
  AuditModule,
  AuthModule,
  ClockModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  NODE_ROLES,
  nodeTokens,
  RateLimitModule,
  READINESS_CHECKS,
} from '@app/platform';
import { WebModule } from '@app/web';

import { BrokerageModule } from './brokerage';
import { CareModule } from './care';
import { NodeConfig } from './config/node.config';
import { NODE_CONFIG } from './config/node-config.token';
import { nodeDataSourceOptions } from './database/database-options';
import { GovernanceModule } from './governance';
import { HubLinkModule } from './hub-link';
import { LiveQuestionsModule } from './live-questions';
import { MemberSignIn, MembersModule } from './members';
import { OnboardingModule } from './onboarding';
import { PagesModule } from './pages';
import { PersonalDataModule } from './personal-data';
import { PoliciesModule } from './policies';
import { ProfileModule } from './profile';
import { PurchasingModule } from './purchasing';
import { RecruitmentModule } from './recruitment';
import { ReportingModule } from './reporting';
import { RulebookModule } from './rulebook';
import { TenderingModule } from './tendering';
import { VolunteeringModule } from './volunteering';
import { WorkforceModule } from './workforce';

@Module({})
export class NodeModule {
  static forRoot(config: NodeConfig): DynamicModule {
    return {
      module: NodeModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ level: config.LOG_LEVEL, app: 'local-coop-node', coopId: config.COOP_ID }),
        TypeOrmModule.forRoot(nodeDataSourceOptions(config)),
        ScheduleModule.forRoot(),
        ClockModule.forRoot({ testClock: config.TEST_CLOCK === 'true' }),
        RateLimitModule.forRoot({ perMinute: config.RATE_LIMIT_PER_MINUTE }),
        MetricsModule.forRoot('local-coop-node', { token: config.METRICS_TOKEN }),
        AuditModule.forRoot({ readerRoles: ['coop-admin'] }),
        AuthModule.forRoot({ settings: config, authority: nodeTokens(config.COOP_ID) }),
        FederationModule.forRoot({
          side: { kind: 'node', coopId: config.COOP_ID },
          scheme: subjectScheme(config.NATS_SUBJECT_ROOT),
          config,
          connectionName: `local-coop-node:${config.COOP_ID}`,
          signer: new EnvelopeSigner(config.NATS_NKEY_SEED),
          // Features read these rows' status as their record (reporting, tendering, purchasing, onboarding).
          outboxRecordTypes: [
            REPORTING_RETURN_SUBMITTED_V1,
            TENDERING_OFFER_MADE_V1,
            PURCHASING_COMMITMENT_MADE_V1,
            ONBOARDING_SPIN_OFF_PROPOSED_V1,
            ONBOARDING_TEMPLATES_SHARED_V1,
          ].map((d) => d.type),
        }),
        HealthModule.forRoot({ provide: READINESS_CHECKS, useFactory: (link: NatsLink) => [natsReadiness(link)], inject: [NatsLink] }),
        ProfileModule,
        HubLinkModule,
        RulebookModule,
        MembersModule,
        GovernanceModule,
        WorkforceModule,
        RecruitmentModule,
        CareModule,
        VolunteeringModule,
        PersonalDataModule,
        ReportingModule,
        TenderingModule,
        PurchasingModule,
        LiveQuestionsModule,
        PoliciesModule,
        OnboardingModule,
        BrokerageModule,
        WebModule.forRoot(
          config,
          {
            serviceName: config.COOP_NAME,
            roles: NODE_ROLES,
            home: { 'coop-admin': '/admin', member: '/me' },
            views: ['apps/local-coop-node/src/pages/views'],
            // The demo runs the hub and several nodes on one host: cookies are not kept apart by port.
            cookieName: `ccm_node_${config.COOP_ID}`,
          },
          { people: MemberSignIn },
        ),
        PagesModule,
      ],
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: SIGNATURE_KEYS, useValue: new HubKey(config.HUB_PUBLIC_KEY) },
      ],
      exports: [NODE_CONFIG, SIGNATURE_KEYS],
    };
  }
}
