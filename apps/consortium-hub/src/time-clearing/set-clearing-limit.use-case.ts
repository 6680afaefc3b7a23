import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@app/platform';

import { ClearingStore } from './clearing.store';

/**
 * Staff set the consortium's clearing limit. A lower limit refuses later payments out of a co-op that
 * owes more; it takes back nothing already cleared. Payments checked at the same moment hold the
 * setting's row (FOR SHARE), so each is judged by one limit or the other, never half of each.
 */
@Injectable()
export class SetClearingLimit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ClearingStore,
    private readonly clock: Clock,
  ) {}

  async execute(limitMinutes: number, by: string): Promise<void> {
    await this.dataSource.transaction((m) => this.store.setLimit(m, limitMinutes, by, this.clock.now()));
  }
}
