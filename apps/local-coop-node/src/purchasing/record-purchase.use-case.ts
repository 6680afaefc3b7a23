import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@app/platform';

import { localDateOf } from '../care';
import { NodePurchaseQueries } from './node-purchase.queries';
import { canonicalLocality, purchaseViolation } from './node-purchase.rules';
import { PurchaseView, RecordPurchaseDto } from './node-purchases.dto';
import { PurchasingErrors } from './purchasing.errors';

/**
 * Records a purchase the co-op made outside the consortium's joint rounds. A joint round's cost is
 * already on the node as the allocation the hub sent, so it is never entered here: the return adds
 * the two without counting anything twice.
 */
@Injectable()
export class RecordPurchase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: NodePurchaseQueries,
    private readonly clock: Clock,
  ) {}

  async execute(dto: RecordPurchaseDto): Promise<PurchaseView> {
    return this.dataSource.transaction(async (m) => {
      const [profile]: { localities: string[] }[] = await m.query('SELECT localities FROM coop_profile');
      const localTo = dto.localTo ?? null;
      const violation = purchaseViolation({ boughtOn: dto.boughtOn, localTo }, localDateOf(this.clock.now()), profile.localities);
      if (violation) throw PurchasingErrors.purchaseRefused(violation);
      const id = randomUUID();
      await m.query(
        'INSERT INTO node_purchase (id, supplier, description, bought_on, amount_pence, local_to) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          id,
          dto.supplier,
          dto.description,
          dto.boughtOn,
          dto.amountPence,
          localTo === null ? null : canonicalLocality(profile.localities, localTo),
        ],
      );
      return this.queries.get(id, m);
    });
  }
}
