import { Module } from '@nestjs/common';

import { ProfileModule } from '../profile';
import { ApplyRegistrationAccepted } from './apply-registration-accepted.use-case';
import { HeartbeatService } from './heartbeat.service';
import { HubLinkController } from './hub-link.controller';
import { HubLinkQueries } from './hub-link.queries';
import { RegisterWithHub } from './register-with-hub.use-case';

/** The node's federation agent: registration, heartbeats, and what the hub says back. */
@Module({
  imports: [ProfileModule],
  controllers: [HubLinkController],
  providers: [ApplyRegistrationAccepted, HeartbeatService, HubLinkQueries, RegisterWithHub],
  exports: [HubLinkQueries],
})
export class HubLinkModule {}
