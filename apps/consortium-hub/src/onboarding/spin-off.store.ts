import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CoopStatus, ServiceType } from '@app/contracts';

import { identityClash, lockRegistryIdentities, recordStatusChange, RegistryErrors, RESERVED_COOP_IDS } from '../registry';
import { OnboardingErrors } from './onboarding.errors';
import { sponsorStatusProblem, targetsProblem } from './spin-off.rules';

export interface SpinOffProposal {
  readonly coopId: string;
  readonly name: string;
  readonly sponsorCoopId: string;
  readonly localities: readonly string[];
  readonly services: readonly ServiceType[];
  readonly runner: { displayName: string; roleTitle?: string; publicEmail?: string; publicPhone?: string };
  readonly targets: { registeredBy?: string; tradingBy?: string };
  /** 'coop:<sponsor>' for a proposal from the sponsor's node, or the staff member's subject. */
  readonly proposedBy: string;
  /** The sponsor's proposal id (from its node), which makes a repeat harmless; null when staff entered it. */
  readonly proposalId: string | null;
}

/**
 * Starts a spin-off's journey: its registry entry (proposed, under its sponsor, no key yet), the first
 * row of its status history, and the journey itself. Under the registry's identity lock, so the id and
 * name it takes are free when it takes them, whichever other proposal, provisioning or profile comes at
 * the same moment.
 */
@Injectable()
export class SpinOffStore {
  /** Answers the journey's id, and whether this call started it (false: the same proposal came again). */
  async start(m: EntityManager, p: SpinOffProposal): Promise<{ journeyId: string; started: boolean }> {
    const targets = targetsProblem(p.targets);
    if (targets) throw OnboardingErrors.targets(targets);
    await lockRegistryIdentities(m);
    if (p.proposalId) {
      const [earlier]: { id: string; coop_id: string; sponsor_coop_id: string }[] = await m.query(
        'SELECT id, coop_id, sponsor_coop_id FROM onboarding_journey WHERE proposal_message_id = $1',
        [p.proposalId],
      );
      if (earlier && earlier.coop_id === p.coopId && earlier.sponsor_coop_id === p.sponsorCoopId)
        return { journeyId: earlier.id, started: false };
      if (earlier) throw OnboardingErrors.proposalIdTaken(p.proposalId);
    }
    await this.checkIdentity(m, p);
    await m.query(
      `INSERT INTO coop (id, name, legal_form, localities, services_offered, sponsor_coop_id, status, profile_updated_at)
       VALUES ($1, $2, 'community-benefit-society', $3, $4, $5, 'proposed', 'epoch')`,
      [p.coopId, p.name, p.localities, p.services, p.sponsorCoopId],
    );
    await recordStatusChange(m, null, {
      coopId: p.coopId,
      to: 'proposed',
      changedBy: p.proposedBy,
      note: `spin-off of ${p.sponsorCoopId} proposed`,
    });
    const journeyId = randomUUID();
    const { displayName, roleTitle, publicEmail, publicPhone } = p.runner;
    await m.query(
      `INSERT INTO onboarding_journey (id, coop_id, sponsor_coop_id, proposed_by, proposal_message_id, runner, registered_by, trading_by, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [
        journeyId,
        p.coopId,
        p.sponsorCoopId,
        p.proposedBy,
        p.proposalId,
        JSON.stringify({ displayName, roleTitle, publicEmail, publicPhone }),
        p.targets.registeredBy ?? null,
        p.targets.tradingBy ?? null,
      ],
    );
    return { journeyId, started: true };
  }

  /** The sponsor a member, the id and the name free (names compared as the registry compares them). */
  private async checkIdentity(m: EntityManager, p: SpinOffProposal): Promise<void> {
    if (p.coopId === p.sponsorCoopId) throw RegistryErrors.sponsor('self', p.coopId, p.sponsorCoopId);
    if (RESERVED_COOP_IDS.includes(p.coopId)) throw RegistryErrors.reservedId(p.coopId);
    const held: { id: string; name: string; registration_number: string | null; status: CoopStatus }[] = await m.query(
      'SELECT id, name, registration_number, status FROM coop',
    );
    const sponsor = held.find((c) => c.id === p.sponsorCoopId);
    if (!sponsor) throw RegistryErrors.sponsor('unknown', p.coopId, p.sponsorCoopId);
    const notMember = sponsorStatusProblem(sponsor.status);
    if (notMember) throw OnboardingErrors.sponsorNotMember(sponsor.id, sponsor.status, notMember);
    if (held.some((c) => c.id === p.coopId)) throw OnboardingErrors.coopIdTaken(p.coopId);
    const clash = identityClash(
      { coopId: p.coopId, name: p.name },
      held.map((c) => ({ id: c.id, name: c.name, registrationNumber: c.registration_number })),
    );
    if (clash) throw RegistryErrors.identityTaken(clash);
  }
}
