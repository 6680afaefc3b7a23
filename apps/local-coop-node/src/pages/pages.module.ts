import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { BrokerageModule } from '../brokerage';
import { CareModule } from '../care';
import { GovernanceModule } from '../governance';
import { HubLinkModule } from '../hub-link';
import { MembersModule } from '../members';
import { PersonalDataModule } from '../personal-data';
import { ProfileModule } from '../profile';
import { PurchasingModule } from '../purchasing';
import { ReportingModule } from '../reporting';
import { RulebookModule } from '../rulebook';
import { TenderingModule } from '../tendering';
import { VolunteeringModule } from '../volunteering';
import { WorkforceModule } from '../workforce';
import { BallotAdminPagesController } from './ballot-admin-pages.controller';
import { BallotAdminPages } from './ballot-admin-pages.queries';
import { CommitmentFromPage } from './commitment-from-page.use-case';
import { EnquiryFromPage } from './enquiry-from-page.use-case';
import { FederationPagesController } from './federation-pages.controller';
import { FederationPages } from './federation-pages.queries';
import { HomePagesController } from './home-pages.controller';
import { HomePages } from './home-pages.queries';
import { InvitationPagesController } from './invitation-pages.controller';
import { InvitationPages } from './invitation-pages.queries';
import { MemberPagesController } from './member-pages.controller';
import { MemberSelfPagesController } from './member-self-pages.controller';
import { MemberSelfPages } from './member-self-pages.queries';
import { OfferFromPage } from './offer-from-page.use-case';
import { PackageAnswerPagesController } from './package-answer-pages.controller';
import { ProfilePagesController } from './profile-pages.controller';
import { PurchasePagesController } from './purchase-pages.controller';
import { PurchasePages } from './purchase-pages.queries';
import { ReturnPagesController } from './return-pages.controller';
import { SafeguardingPagesController } from './safeguarding-pages.controller';
import { SummaryPagesController } from './summary-pages.controller';
import { SummaryPages } from './summary-pages.queries';
import { VoteFromPage } from './vote-from-page.use-case';

const CONTROLLERS = [
  HomePagesController,
  ProfilePagesController,
  MemberPagesController,
  BallotAdminPagesController,
  SummaryPagesController,
  InvitationPagesController,
  ReturnPagesController,
  FederationPagesController,
  MemberSelfPagesController,
  PackageAnswerPagesController,
  SafeguardingPagesController,
  PurchasePagesController,
];

/** The node's web pages for its admin and its members, on the shared web platform (libs/web). */
@Module({
  imports: [
    BrokerageModule,
    CareModule,
    GovernanceModule,
    HubLinkModule,
    MembersModule,
    PersonalDataModule,
    ProfileModule,
    PurchasingModule,
    ReportingModule,
    RulebookModule,
    TenderingModule,
    VolunteeringModule,
    WorkforceModule,
  ],
  controllers: CONTROLLERS,
  providers: [
    BallotAdminPages,
    CommitmentFromPage,
    FederationPages,
    HomePages,
    InvitationPages,
    MemberSelfPages,
    OfferFromPage,
    PurchasePages,
    EnquiryFromPage,
    SummaryPages,
    VoteFromPage,
  ],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, ...CONTROLLERS);
  }
}
