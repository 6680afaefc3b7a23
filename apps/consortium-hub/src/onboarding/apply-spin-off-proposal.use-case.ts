import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, ONBOARDING_SPIN_OFF_PROPOSED_V1, OnboardingSpinOffProposedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { SpinOffStore } from './spin-off.store';

/**
 * A sponsor's node proposes a spin-off: the sponsor is the co-op that signed the message. The proposed
 * co-op enters the registry as proposed under it and its journey starts; the same proposal again (its
 * proposalId) changes nothing. A refusal (the sponsor not a member, the id or name taken, itself
 * proposed) reaches the node in its receipt.
 */
@Injectable()
export class ApplySpinOffProposal implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly spinOffs: SpinOffStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(ONBOARDING_SPIN_OFF_PROPOSED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<OnboardingSpinOffProposedV1>, m: EntityManager): Promise<void> {
    const p = envelope.payload;
    await this.spinOffs.start(m, {
      coopId: p.coopId,
      name: p.name,
      sponsorCoopId: envelope.coopId,
      localities: p.localities,
      services: p.services,
      runner: p.runner,
      targets: p.targets,
      proposedBy: `coop:${envelope.coopId}`,
      proposalId: p.proposalId,
    });
  }
}
