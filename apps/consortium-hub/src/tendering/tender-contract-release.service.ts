import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { type ServiceType, TENDERING_CONTRACT_AWARDED_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';

import { TenderRow } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';

interface HeldContractRow {
  id: string;
  lot_id: string;
  coop_id: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  starts_on: string;
  ends_on: string;
  locality: string;
  service_type: ServiceType;
}

/**
 * What the co-ops hear once the council's decision is final (inside the caller's transaction): each
 * contract held on the hub goes to its co-op's node, once (`released_at`), and every co-op that had
 * an offer on a lot and won no hours there is told its offer came to nothing. For a tender won in any
 * part that is when the standstill ends with no challenge open; for one lost outright, at once.
 */
@Injectable()
export class TenderContractRelease {
  constructor(
    private readonly outbox: OutboxService,
    private readonly invitations: TenderInvitations,
  ) {}

  /** Sends the held contracts and the lot-lost notices; returns the contracts released. */
  async release(m: EntityManager, tender: TenderRow, now: Date): Promise<string[]> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [held]: [HeldContractRow[], number] = await m.query(
      `UPDATE tender_contract k SET released_at = $2 FROM tender_lot l
        WHERE k.tender_id = $1 AND k.released_at IS NULL AND l.id = k.lot_id
        RETURNING k.id, k.lot_id, k.coop_id, k.hours_per_week, k.price_pence_per_hour, k.starts_on, k.ends_on, l.locality, l.service_type`,
      [tender.id, now],
    );
    for (const c of [...held].sort((a, b) => (a.lot_id + a.coop_id < b.lot_id + b.coop_id ? -1 : 1))) {
      await this.outbox.enqueue(
        m,
        TENDERING_CONTRACT_AWARDED_V1,
        {
          contractId: c.id,
          tenderId: tender.id,
          lotId: c.lot_id,
          tenderTitle: tender.title,
          buyer: tender.buyer,
          locality: c.locality,
          serviceType: c.service_type,
          hoursPerWeek: c.hours_per_week,
          pricePencePerHour: c.price_pence_per_hour,
          startsOn: c.starts_on,
          endsOn: c.ends_on,
        },
        { coopId: c.coop_id },
      );
    }
    const unlucky: { lot_id: string; coop_id: string; outcome: 'whole' | 'partial' | 'lost' }[] = await m.query(
      `SELECT DISTINCT o.lot_id, o.coop_id, a.outcome
         FROM tender_offer o JOIN tender_lot_award a ON a.lot_id = o.lot_id
        WHERE o.tender_id = $1 AND o.superseded_at IS NULL AND o.withdrawn_at IS NULL AND o.hours_per_week > 0
          AND NOT EXISTS (SELECT 1 FROM tender_contract k WHERE k.lot_id = o.lot_id AND k.coop_id = o.coop_id)
        ORDER BY o.lot_id, o.coop_id`,
      [tender.id],
    );
    for (const u of unlucky)
      await this.invitations.tellLost(m, tender.id, u.lot_id, u.coop_id, u.outcome === 'lost' ? 'lost' : 'not-allocated');
    return held.map((c) => c.id).sort();
  }
}
