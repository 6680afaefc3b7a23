import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, ONBOARDING_TEMPLATES_SHARED_V1, OnboardingTemplatesSharedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { OnboardingErrors } from './onboarding.errors';
import { repeatedPolicyKey } from './spin-off.rules';

/**
 * A sponsor shares its rulebook and policy templates for one of its spin-offs: kept with the journey
 * (the joining node receives them), replacing any it shared before. Only the journey's sponsor may.
 */
@Injectable()
export class ApplyTemplatesShared implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(ONBOARDING_TEMPLATES_SHARED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<OnboardingTemplatesSharedV1>, m: EntityManager): Promise<void> {
    const p = envelope.payload;
    const [journey]: { id: string; sponsor_coop_id: string }[] = await m.query(
      'SELECT id, sponsor_coop_id FROM onboarding_journey WHERE coop_id = $1 FOR UPDATE',
      [p.spinOffCoopId],
    );
    if (!journey) throw OnboardingErrors.noJourneyFor(p.spinOffCoopId);
    if (journey.sponsor_coop_id !== envelope.coopId) throw OnboardingErrors.notTheSponsor(envelope.coopId, p.spinOffCoopId);
    const repeated = repeatedPolicyKey(p.policies);
    if (repeated) throw OnboardingErrors.repeatedPolicy(repeated);
    const policies = p.policies.map(({ key, title, version, text }) => ({ key, title, version, text }));
    await m.query(
      `INSERT INTO onboarding_template (journey_id, rulebook, policies, message_id, shared_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (journey_id) DO UPDATE SET rulebook = EXCLUDED.rulebook, policies = EXCLUDED.policies, message_id = EXCLUDED.message_id,
              shared_at = EXCLUDED.shared_at`,
      [journey.id, JSON.stringify(p.rulebook), JSON.stringify(policies), envelope.id],
    );
  }
}
