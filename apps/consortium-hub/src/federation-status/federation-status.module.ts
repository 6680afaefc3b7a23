import { Module } from '@nestjs/common';

import { FederationStatusController } from './federation-status.controller';
import { FederationStatusQueries } from './federation-status.queries';

/** GET /federation/status on the hub: the NATS link, refused messages by subscription and reason, the outbox. */
@Module({ controllers: [FederationStatusController], providers: [FederationStatusQueries] })
export class FederationStatusModule {}
