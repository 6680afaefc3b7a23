import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ONBOARDING_TEMPLATES_SHARED_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';

import { PolicyStore } from '../policies';
import { RulebookStore } from '../rulebook';

/**
 * Shares this co-op's rulebook in force and every policy document with the hub, as templates for one of
 * its spin-offs: governance rules and policy texts, never anything about a person. Written in the
 * caller's transaction, with the change that caused it.
 */
@Injectable()
export class SponsorTemplates {
  constructor(
    private readonly rulebooks: RulebookStore,
    private readonly policies: PolicyStore,
    private readonly outbox: OutboxService,
  ) {}

  async share(m: EntityManager, spinOffCoopId: string, options: { correlationId?: string; causationId?: string } = {}): Promise<string> {
    const { rulebook } = await this.rulebooks.current(m);
    const policies = await this.policies.templates(m);
    const envelope = await this.outbox.enqueue(
      m,
      ONBOARDING_TEMPLATES_SHARED_V1,
      { spinOffCoopId, rulebook: rulebook as unknown as Record<string, unknown>, policies },
      options,
    );
    return envelope.id;
  }
}
