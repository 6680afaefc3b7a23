import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ONBOARDING_TEMPLATES_REQUESTED_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';
import { Principal } from '@app/platform';

import { EnterSpinOffDto } from './onboarding.dto';
import { SpinOffStore } from './spin-off.store';

/**
 * Consortium staff enter a spin-off on the hub (a sponsor with no node yet, or one that asked them to),
 * under the same rules as a proposal from a node. The sponsor's node, when it has one, is asked for its
 * rulebook and policy templates through the outbox, in the same transaction: the request goes if and
 * only if the journey starts. Answers the journey's id.
 */
@Injectable()
export class EnterSpinOff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spinOffs: SpinOffStore,
    private readonly outbox: OutboxService,
  ) {}

  async execute(dto: EnterSpinOffDto, by: Principal): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const { journeyId } = await this.spinOffs.start(m, { ...dto, proposedBy: by.subject, proposalId: null });
      const [sponsor]: { public_key: string | null }[] = await m.query('SELECT public_key FROM coop WHERE id = $1', [dto.sponsorCoopId]);
      // A sponsor with no key has no node to ask: its templates can come once it has one and staff ask again by hand.
      if (sponsor?.public_key)
        await this.outbox.enqueue(m, ONBOARDING_TEMPLATES_REQUESTED_V1, { spinOffCoopId: dto.coopId }, { coopId: dto.sponsorCoopId });
      return journeyId;
    });
  }
}
