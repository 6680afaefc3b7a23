import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TENDERING_OFFER_MADE_V1, TenderOfferMadeV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock } from '@app/platform';

import { judgeOffer } from './offer.rules';
import { TenderingErrors } from './tendering.errors';

/**
 * A co-op's offer on a lot arrives. It is judged by offer.rules.ts (deadline by the co-op's signed
 * time under the shared clock rule, invitation, lot version, ceiling); a refusal goes back to the node
 * as a rejected receipt with the reason and changes nothing here. An accepted offer is stored with the
 * time it counts as made (never later than its arrival, so a fast clock cannot make later genuine
 * offers look older) and supersedes the co-op's earlier one on the lot, unless that one was made
 * later (a republished message can arrive out of order); every offer is kept.
 */
@Injectable()
export class ApplyOffer implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_OFFER_MADE_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderOfferMadeV1>, m: EntityManager): Promise<void> {
    const o = envelope.payload;
    const coopId = envelope.coopId;
    // Shared on the tender, exclusive on the lot: a lot change (which locks the tender) waits for
    // this offer, or this offer waits for it and then sees the new version.
    const [tender] = await m.query('SELECT stage, deadline, offers_closed_at FROM tender WHERE id = $1 FOR SHARE', [o.tenderId]);
    if (!tender) throw TenderingErrors.tenderNotFound(o.tenderId);
    const [lot] = await m.query(
      'SELECT reference, status, version, hours_per_week, ceiling_pence_per_hour, deadline FROM tender_lot WHERE id = $1 AND tender_id = $2 FOR UPDATE',
      [o.lotId, o.tenderId],
    );
    if (!lot) throw TenderingErrors.lotNotFound(o.lotId);
    const [invitation] = await m.query('SELECT 1 FROM tender_invitation WHERE lot_id = $1 AND coop_id = $2 AND withdrawn_at IS NULL', [
      o.lotId,
      coopId,
    ]);
    const parts: { reference: string }[] =
      lot.status === 'split'
        ? await m.query('SELECT reference FROM tender_lot WHERE parent_lot_id = $1 ORDER BY reference', [o.lotId])
        : [];
    const now = this.clock.now();
    const judged = judgeOffer(
      {
        tender: {
          stage: tender.stage,
          deadline: new Date(tender.deadline),
          offersClosedAt: tender.offers_closed_at ? new Date(tender.offers_closed_at) : null,
        },
        lot: {
          reference: lot.reference,
          status: lot.status,
          version: lot.version,
          hoursPerWeek: lot.hours_per_week,
          ceilingPencePerHour: lot.ceiling_pence_per_hour,
          replacedBy: parts.map((p) => p.reference),
          deadline: lot.deadline ? new Date(lot.deadline) : null,
        },
        invited: !!invitation,
        coopId,
        receivedAt: now,
      },
      { lotVersion: o.lotVersion, hoursPerWeek: o.hoursPerWeek, pricePencePerHour: o.pricePencePerHour, occurredAt: envelope.occurredAt },
    );
    if (!judged.counts) throw TenderingErrors.offer(judged.refusal);
    const madeAt = judged.madeAt;
    const [current] = await m.query(
      'SELECT message_id, made_at FROM tender_offer WHERE lot_id = $1 AND coop_id = $2 AND superseded_at IS NULL FOR UPDATE',
      [o.lotId, coopId],
    );
    const newer = !current || new Date(current.made_at) <= madeAt;
    if (current && newer) await m.query('UPDATE tender_offer SET superseded_at = $2 WHERE message_id = $1', [current.message_id, now]);
    await m.query(
      `INSERT INTO tender_offer (message_id, tender_id, lot_id, coop_id, lot_version, hours_per_week, price_pence_per_hour, total_hours_per_week, made_at, received_at, superseded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        envelope.id,
        o.tenderId,
        o.lotId,
        coopId,
        o.lotVersion,
        o.hoursPerWeek,
        o.pricePencePerHour,
        o.totalHoursPerWeek ?? null,
        madeAt,
        now,
        newer ? null : now,
      ],
    );
  }
}
