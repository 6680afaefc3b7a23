import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock, Principal } from '@app/platform';

import { challengeRefusal } from './standstill.rules';
import { TenderStore } from './tender.store';
import { RecordChallengeDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/**
 * Staff record a challenge to the award decision made during the standstill: who (an organisation),
 * when and on what grounds. While it is open the contracts stay held on the hub, whenever the
 * standstill ends, until staff record its outcome (DecideChallenge).
 */
@Injectable()
export class RecordChallenge {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, dto: RecordChallengeDto, by: Principal): Promise<{ id: string }> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const tender = await this.store.lockTender(m, tenderId);
      const refusal = challengeRefusal(tender, new Date(dto.madeAt), now);
      if (refusal) throw TenderingErrors.challenge(refusal, tender.stage);
      const id = randomUUID();
      await m.query(
        'INSERT INTO tender_challenge (id, tender_id, challenger, made_at, grounds, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, tenderId, dto.challenger, new Date(dto.madeAt), dto.grounds, by.subject, now],
      );
      const note = `challenge by ${dto.challenger} recorded: the contracts are held until its outcome`;
      await this.store.recordStage(m, tenderId, tender.stage, tender.stage, by.subject, note);
      return { id };
    });
  }
}
