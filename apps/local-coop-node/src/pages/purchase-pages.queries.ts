import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { quarterOf } from '@app/contracts';
import { Clock } from '@app/platform';

import { localDateOf } from '../care';
import { coopSpendPence } from '../purchasing';
import { QuarterSpend } from './purchase-pages.rules';

/** The days of a quarter counted in the UK, as the co-op's return counts them. */
const RETURN_TIME_ZONE = 'Europe/London';

/** The purchases page's figure for the quarter so far, by the same sums the co-op's quarterly return uses. */
@Injectable()
export class PurchasePages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The quarter today falls in (UK days): the co-op's own purchases and its shares of joint rounds. */
  async currentQuarter(): Promise<QuarterSpend> {
    const quarter = quarterOf(localDateOf(this.clock.now()));
    if (!quarter) throw new Error(`no quarter holds ${localDateOf(this.clock.now())}`);
    const spend = await coopSpendPence(this.dataSource.manager, quarter, RETURN_TIME_ZONE);
    return { ...quarter, ...spend };
  }
}
