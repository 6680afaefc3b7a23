import { Module } from '@nestjs/common';

import { ApplyCoopProfile } from './apply-coop-profile.use-case';
import { ChangeCoopStatus } from './change-coop-status.use-case';
import { CoopMembershipHooks } from './coop-membership.hooks';
import { HeartbeatListener } from './heartbeat-listener.service';
import { LineageQueries } from './lineage.queries';
import { NatsAuthorizationSync } from './nats-authorization-sync.service';
import { RecordSponsor } from './record-sponsor.use-case';
import { RegistryBootstrap } from './registry.bootstrap';
import { RegistryController } from './registry.controller';
import { RegistryQueries } from './registry.queries';
import { RegistryMetrics } from './registry-metrics';

/** The consortium's registry of member co-ops: registration, profile, status and liveness. */
@Module({
  controllers: [RegistryController],
  providers: [
    ApplyCoopProfile,
    ChangeCoopStatus,
    CoopMembershipHooks,
    HeartbeatListener,
    LineageQueries,
    NatsAuthorizationSync,
    RecordSponsor,
    RegistryBootstrap,
    RegistryMetrics,
    RegistryQueries,
  ],
  exports: [RegistryQueries, NatsAuthorizationSync, LineageQueries, CoopMembershipHooks],
})
export class RegistryModule {}
