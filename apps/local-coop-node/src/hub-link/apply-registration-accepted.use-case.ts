import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, REGISTRATION_ACCEPTED_V1, RegistrationAcceptedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** The hub confirmed the registration: remember the status it gave. */
@Injectable()
export class ApplyRegistrationAccepted implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REGISTRATION_ACCEPTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<RegistrationAcceptedV1>, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO hub_link (coop_id, registry_status, registered_at, acknowledged_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (coop_id) DO UPDATE SET registry_status = EXCLUDED.registry_status, registered_at = EXCLUDED.registered_at,
         acknowledged_at = EXCLUDED.acknowledged_at
       WHERE hub_link.acknowledged_at <= EXCLUDED.acknowledged_at`,
      [envelope.coopId, envelope.payload.status, envelope.payload.registeredAt, envelope.occurredAt],
    );
  }
}
