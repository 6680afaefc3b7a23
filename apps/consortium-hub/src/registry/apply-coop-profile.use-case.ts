import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  COOP_PROFILE_UPDATED_V1,
  COOP_REGISTERED_V1,
  CoopProfilePayload,
  CoopStatus,
  Envelope,
  REGISTRATION_ACCEPTED_V1,
} from '@app/contracts';
import { InboxHandlers, OutboxService, TopologyService } from '@app/federation';

import { HeldIdentity, identityClash, profileMadeAt, sponsorClaimProblem } from './coop-identity.rules';
import { RegistryErrors } from './registry.errors';
import { lockRegistryIdentities } from './registry-identity.store';

/**
 * A node's registration (at every start) or profile change: updates the co-op's registry entry, unless
 * we already hold a newer profile (messages can arrive out of order after a republish). A profile that
 * breaks an identity rule (coop-identity.rules.ts) is refused with the rule's code, which reaches the
 * node in its rejected receipt, and changes nothing. A registration makes sure the co-op has its own
 * durable consumer (to receive the answer on, accepted or refused) and is answered with the co-op's
 * status, through the hub's outbox.
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
    // First, whatever the verdict: a refused registration is answered too, on this consumer.
    if (isRegistration) await this.topology.ensureNodeConsumer(envelope.coopId);
    const made = profileMadeAt(envelope.occurredAt, new Date());
    if (!made.ok) throw RegistryErrors.fromTheFuture(made.reason);
    // The registry-wide lock and the check against every other co-op's name are for a profile that
    // claims a name or registration number this co-op does not hold yet. A node repeats its own at
    // every start and with every profile change: at 1,000 co-ops, checking those against all the others
    // under one lock serialised every registration (25 a second here, 40 s for a consortium's nodes
    // starting together) and made each one read the whole registry. Nobody can take this co-op's own
    // name from it meanwhile: a claim of it by another co-op finds it held.
    const claimsNew = await this.claimsNewIdentity(envelope, m);
    if (claimsNew) await lockRegistryIdentities(m);
    const [own] = await m.query(
      'SELECT sponsor_coop_id, profile_updated_at, status, registered_at, name, registration_number FROM coop WHERE id = $1 FOR UPDATE',
      [envelope.coopId],
    );
    if (!own) throw RegistryErrors.notFound(envelope.coopId);
    // Its own entry changed between the look and the lock (a staff edit): the message is tried again.
    if (!claimsNew && !sameIdentity(envelope.payload, own))
      throw new Error(`co-op ${envelope.coopId}'s identity changed while applying its profile`);
    // An older profile than the one held changes nothing, so it cannot break a rule either.
    if (new Date(own.profile_updated_at).getTime() <= made.at.getTime())
      await this.apply(envelope, made.at, own.sponsor_coop_id, claimsNew, m);
    if (isRegistration) await this.answerRegistration(envelope, own, m);
  }

  /** True when the profile names the co-op otherwise than its registry entry does (a plain read, no lock). */
  private async claimsNewIdentity(envelope: Envelope<CoopProfilePayload>, m: EntityManager): Promise<boolean> {
    const [held] = await m.query('SELECT name, registration_number FROM coop WHERE id = $1', [envelope.coopId]);
    return !held || !sameIdentity(envelope.payload, held);
  }

  private async apply(
    envelope: Envelope<CoopProfilePayload>,
    at: Date,
    recordedSponsor: string | null,
    claimsNew: boolean,
    m: EntityManager,
  ): Promise<void> {
    const p = envelope.payload;
    if (claimsNew) {
      const held: HeldIdentity[] = (await m.query('SELECT id, name, registration_number FROM coop WHERE id <> $1', [envelope.coopId])).map(
        (r: { id: string; name: string; registration_number: string | null }) => ({
          id: r.id,
          name: r.name,
          registrationNumber: r.registration_number,
        }),
      );
      const clash = identityClash({ coopId: envelope.coopId, name: p.name, registrationNumber: p.registrationNumber }, held);
      if (clash) throw RegistryErrors.identityTaken(clash);
    }
    const claimedSponsorExists =
      p.sponsorCoopId !== undefined && (await m.query('SELECT 1 FROM coop WHERE id = $1', [p.sponsorCoopId])).length === 1;
    const sponsorProblem = sponsorClaimProblem(envelope.coopId, p.sponsorCoopId, recordedSponsor, claimedSponsorExists);
    if (sponsorProblem) throw RegistryErrors.sponsor(sponsorProblem, envelope.coopId, p.sponsorCoopId!, recordedSponsor);
    // The sponsor is never written from a profile: the consortium's record stands.
    await m.query(
      `UPDATE coop SET name = $2, legal_form = $3, localities = $4, services_offered = $5, node_version = $6, profile_updated_at = $7,
              registration_number = $8, cqc_rating = $9, sealing_key = $10, updated_at = now()
        WHERE id = $1`,
      [
        envelope.coopId,
        p.name,
        p.legalForm,
        p.localities,
        p.servicesOffered,
        p.nodeVersion,
        at,
        p.registrationNumber ?? null,
        p.cqcRating ?? null,
        p.sealingKey ?? null,
      ],
    );
  }

  private async answerRegistration(
    envelope: Envelope<CoopProfilePayload>,
    own: { status: CoopStatus; registered_at: Date },
    m: EntityManager,
  ): Promise<void> {
    await this.outbox.enqueue(
      m,
      REGISTRATION_ACCEPTED_V1,
      { status: own.status, registeredAt: new Date(own.registered_at).toISOString() },
      { coopId: envelope.coopId, correlationId: envelope.correlationId, causationId: envelope.id },
    );
  }
}

/** The profile's name and registration number are those the registry holds for the co-op (its own need no check). */
function sameIdentity(p: CoopProfilePayload, held: { name: string; registration_number: string | null }): boolean {
  return p.name === held.name && (p.registrationNumber ?? null) === held.registration_number;
}
