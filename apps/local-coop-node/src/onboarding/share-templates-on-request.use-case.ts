import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, ONBOARDING_TEMPLATES_REQUESTED_V1, OnboardingTemplatesRequestedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { OnboardingErrors } from './onboarding.errors';
import { SpinOffMessages } from './spin-off-messages.service';

/**
 * Consortium staff entered a spin-off of this co-op on the hub (or the hub lost the templates): the
 * node answers with its rulebook and policies as templates for it, in the inbox's own transaction.
 */
@Injectable()
export class ShareTemplatesOnRequest implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly messages: SpinOffMessages,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register(ONBOARDING_TEMPLATES_REQUESTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<OnboardingTemplatesRequestedV1>, m: EntityManager): Promise<void> {
    const { spinOffCoopId } = envelope.payload;
    if (spinOffCoopId === this.config.COOP_ID) throw OnboardingErrors.ownCoop(spinOffCoopId);
    await this.messages.templates(m, spinOffCoopId, { correlationId: envelope.correlationId, causationId: envelope.id });
  }
}
