import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TENDERING_OFFER_MADE_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock } from '@app/platform';

import { SendOffersDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import { TenderingQueries } from './tendering.queries';
import { capacityOf, defaultTotalHoursPerWeek, offerProblem, suggestOffers, totalProblem } from './tendering.rules';
import { TenderingStore } from './tendering.store';

export interface SentOffer {
  messageId: string;
  lotId: string;
  lotVersion: number;
  hoursPerWeek: number;
  pricePencePerHour: number;
}

/**
 * The co-op admin sends offers on an invitation's lots, usually the suggestion adjusted. Each goes to
 * the hub through the outbox (so it leaves even while NATS is down, dated when it was made) and is
 * kept with what was suggested at the time. The hub's answer arrives as the message's receipt.
 *
 * Every offer states the co-op's total across the tender. When the admin gives none, the node states
 * its spare hours for this tender (never more than a total stated on it before): the suggestion
 * offers all the spare hours on every lot, so without a total the hub could give the co-op the same
 * carers several times over.
 */
@Injectable()
export class SendOffers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: TenderingQueries,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly store: TenderingStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenderId: string,
    dto: SendOffersDto,
  ): Promise<{ tenderId: string; totalHoursPerWeek: number; totalHoursPerWeekDefaulted: boolean; offers: SentOffer[] }> {
    const seen = new Set<string>();
    for (const o of dto.offers) {
      if (seen.has(o.lotId)) throw TenderingErrors.lotTwice(o.lotId);
      seen.add(o.lotId);
    }
    const sent = await this.dataSource.transaction(async (m) => {
      const { deadline, offersClosedAt, statedTotalHoursPerWeek, lots } = await this.store.lockForOffer(m, tenderId);
      const now = this.clock.now();
      for (const o of dto.offers) {
        const problem = offerProblem(lots.get(o.lotId), o, deadline, now, offersClosedAt);
        if (problem) throw TenderingErrors.offer(problem, o.lotId);
      }
      const capacity = capacityOf(await this.queries.loadFor(m, tenderId));
      const suggested = suggestOffers(
        capacity,
        [...lots.values()].filter((l) => !l.withdrawn),
      );
      const total = dto.totalHoursPerWeek ?? defaultTotalHoursPerWeek(suggested.totalHoursPerWeek, statedTotalHoursPerWeek);
      const needsTotal = dto.totalHoursPerWeek === undefined ? totalProblem(dto.offers, total) : null;
      if (needsTotal) throw TenderingErrors.totalNeeded(needsTotal);
      const out: SentOffer[] = [];
      for (const o of dto.offers) {
        const lotVersion = lots.get(o.lotId)!.version;
        const payload = {
          tenderId,
          lotId: o.lotId,
          lotVersion,
          hoursPerWeek: o.hoursPerWeek,
          pricePencePerHour: o.pricePencePerHour,
          totalHoursPerWeek: total,
        };
        const envelope = await this.outbox.enqueue(m, TENDERING_OFFER_MADE_V1, payload, { occurredAt: now });
        await m.query(
          `INSERT INTO tender_offer_sent (message_id, tender_id, lot_id, lot_version, hours_per_week, price_pence_per_hour, total_hours_per_week, suggested_hours_per_week, sent_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            envelope.id,
            tenderId,
            o.lotId,
            lotVersion,
            o.hoursPerWeek,
            o.pricePencePerHour,
            total,
            suggested.offers.find((s) => s.lotId === o.lotId)?.hoursPerWeek ?? null,
            now,
          ],
        );
        out.push({
          messageId: envelope.id,
          lotId: o.lotId,
          lotVersion,
          hoursPerWeek: o.hoursPerWeek,
          pricePencePerHour: o.pricePencePerHour,
        });
      }
      return { total, out };
    });
    this.relay.nudge();
    return { tenderId, totalHoursPerWeek: sent.total, totalHoursPerWeekDefaulted: dto.totalHoursPerWeek === undefined, offers: sent.out };
  }
}
