import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { CareModule } from '../care';
import { GovernanceModule } from '../governance';
import { HubLinkModule } from '../hub-link';
import { MembersModule } from '../members';
import { ProfileModule } from '../profile';
import { ReportingModule } from '../reporting';
import { RulebookModule } from '../rulebook';
import { VolunteeringModule } from '../volunteering';
import { WorkforceModule } from '../workforce';
import { BallotAdminPagesController } from './ballot-admin-pages.controller';
import { BallotAdminPages } from './ballot-admin-pages.queries';
import { FederationPagesController } from './federation-pages.controller';
import { FederationPages } from './federation-pages.queries';
import { HomePagesController } from './home-pages.controller';
import { HomePages } from './home-pages.queries';
import { MemberPagesController } from './member-pages.controller';
import { ProfilePagesController } from './profile-pages.controller';
import { ReturnPagesController } from './return-pages.controller';
import { SummaryPagesController } from './summary-pages.controller';
import { SummaryPages } from './summary-pages.queries';

const CONTROLLERS = [
  HomePagesController,
  ProfilePagesController,
  MemberPagesController,
  BallotAdminPagesController,
  SummaryPagesController,
  ReturnPagesController,
  FederationPagesController,
];

/** The node's web pages for its admin and its members, on the shared web platform (libs/web). */
@Module({
  imports: [
    CareModule,
    GovernanceModule,
    HubLinkModule,
    MembersModule,
    ProfileModule,
    ReportingModule,
    RulebookModule,
    VolunteeringModule,
    WorkforceModule,
  ],
  controllers: CONTROLLERS,
  providers: [BallotAdminPages, FederationPages, HomePages, SummaryPages],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ...CONTROLLERS);
  }
}
