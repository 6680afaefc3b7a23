import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  COOP_PROFILE_UPDATED_V1,
  COOP_REGISTERED_V1,
  CoopProfilePayload,
  Envelope,
  REGISTRATION_ACCEPTED_V1,
} from '@app/contracts';
import { InboxHandlers, OutboxService, TopologyService } from '@app/federation';

/**
 * A node's registration (at every start) or profile change: upsert the registry entry, unless we
 * already hold a newer profile (messages can arrive out of order after a republish). A registration
 * is answered with the co-op's status, through the hub's outbox, and makes sure the co-op has its
 * own durable consumer to receive it on.
 */
@Injectable()
export class ApplyCoopProfile implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly outbox: OutboxService,
    private readonly topology: TopologyService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(COOP_REGISTERED_V1, (e, m) => this.execute(e, m, true));
    this.handlers.register(COOP_PROFILE_UPDATED_V1, (e, m) => this.execute(e, m, false));
  }

  async execute(envelope: Envelope<CoopProfilePayload>, m: EntityManager, isRegistration: boolean): Promise<void> {
    const p = envelope.payload;
    const [row] = await m.query(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, sponsor_coop_id, node_version, profile_updated_at, registration_number, cqc_rating, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'registered')
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, legal_form = EXCLUDED.legal_form, localities = EXCLUDED.localities,
         registration_number = EXCLUDED.registration_number, cqc_rating = EXCLUDED.cqc_rating,
         services_offered = EXCLUDED.services_offered, sponsor_coop_id = EXCLUDED.sponsor_coop_id,
         node_version = EXCLUDED.node_version, profile_updated_at = EXCLUDED.profile_updated_at, updated_at = now()
       WHERE coop.profile_updated_at <= EXCLUDED.profile_updated_at
       RETURNING status, registered_at`,
      [envelope.coopId, p.name, p.legalForm, p.localities, p.servicesOffered, p.sponsorCoopId ?? null, p.nodeVersion, envelope.occurredAt, p.registrationNumber ?? null, p.cqcRating ?? null],
    );
    if (!isRegistration) return;
    await this.topology.ensureNodeConsumer(envelope.coopId);
    const current = row ?? (await m.query('SELECT status, registered_at FROM coop WHERE id = $1', [envelope.coopId]))[0];
    await this.outbox.enqueue(
      m,
      REGISTRATION_ACCEPTED_V1,
      { status: current.status, registeredAt: new Date(current.registered_at).toISOString() },
      { coopId: envelope.coopId, correlationId: envelope.correlationId, causationId: envelope.id },
    );
  }
}
