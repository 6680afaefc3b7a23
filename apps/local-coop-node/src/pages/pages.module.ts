import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { applyWebSession } from '@app/web';

import { GovernanceModule } from '../governance';
import { MembersModule } from '../members';
import { PersonalDataModule } from '../personal-data';
import { PurchasingModule } from '../purchasing';
import { TenderingModule } from '../tendering';
import { CommitmentFromPage } from './commitment-from-page.use-case';
import { HomePagesController } from './home-pages.controller';
import { HomePages } from './home-pages.queries';
import { InvitationPagesController } from './invitation-pages.controller';
import { InvitationPages } from './invitation-pages.queries';
import { MemberSelfPagesController } from './member-self-pages.controller';
import { MemberSelfPages } from './member-self-pages.queries';
import { OfferFromPage } from './offer-from-page.use-case';
import { VoteFromPage } from './vote-from-page.use-case';

/** The node's web pages for its admin and its members, on the shared web platform (libs/web). */
@Module({
  imports: [GovernanceModule, MembersModule, PersonalDataModule, PurchasingModule, TenderingModule],
  controllers: [HomePagesController, InvitationPagesController, MemberSelfPagesController],
  providers: [HomePages, InvitationPages, CommitmentFromPage, OfferFromPage, MemberSelfPages, VoteFromPage],
})
export class PagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    applyWebSession(consumer, HomePagesController, InvitationPagesController, MemberSelfPagesController);
  }
}
