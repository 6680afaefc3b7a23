import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  Envelope,
  ONBOARDING_SPIN_OFF_PROPOSED_V1,
  ONBOARDING_TEMPLATES_SHARED_V1,
  OnboardingSpinOffProposedV1,
  OnboardingTemplatesSharedV1,
} from '@app/contracts';
import { OutboxService } from '@app/federation';

import { PolicyStore } from '../policies';
import { RulebookStore } from '../rulebook';

/**
 * What a sponsor tells the hub about its spin-offs, written to the outbox in the caller's transaction,
 * with the change that caused it: a proposal, and this co-op's templates for the new co-op (the rulebook
 * in force and every policy document: governance rules and policy texts, never anything about a person).
 */
@Injectable()
export class SpinOffMessages {
  constructor(
    private readonly rulebooks: RulebookStore,
    private readonly policies: PolicyStore,
    private readonly outbox: OutboxService,
  ) {}

  proposed(m: EntityManager, proposal: OnboardingSpinOffProposedV1, at: Date): Promise<Envelope<OnboardingSpinOffProposedV1>> {
    return this.outbox.enqueue(m, ONBOARDING_SPIN_OFF_PROPOSED_V1, proposal, { occurredAt: at });
  }

  async templates(
    m: EntityManager,
    spinOffCoopId: string,
    cause: { correlationId: string; causationId: string },
  ): Promise<Envelope<OnboardingTemplatesSharedV1>> {
    const { rulebook } = await this.rulebooks.current(m);
    const policies = await this.policies.templates(m);
    return this.outbox.enqueue(
      m,
      ONBOARDING_TEMPLATES_SHARED_V1,
      { spinOffCoopId, rulebook: rulebook as unknown as Record<string, unknown>, policies },
      cause,
    );
  }
}
