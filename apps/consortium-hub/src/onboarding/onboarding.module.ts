import { Module } from '@nestjs/common';

import { RegistryModule } from '../registry';
import { IssueJoinToken } from './issue-join-token.use-case';
import { JoinController } from './join.controller';
import { JoinTokenQueries } from './join-token.queries';
import { JoinTokenStore } from './join-token.store';
import { RedeemJoinToken } from './redeem-join-token.use-case';
import { RevokeJoinToken } from './revoke-join-token.use-case';

/** Strawberry-patch onboarding: a spin-off's journey and joining the mesh with one command. */
@Module({
  imports: [RegistryModule],
  controllers: [JoinController],
  providers: [IssueJoinToken, RevokeJoinToken, RedeemJoinToken, JoinTokenStore, JoinTokenQueries],
})
export class OnboardingModule {}
