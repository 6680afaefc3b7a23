import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  InvitedLotV2,
  LotLostOutcome,
  LotWithdrawalReason,
  TENDERING_ENQUIRY_ANSWERED_V1,
  TENDERING_INVITATION_V2,
  TENDERING_LOT_LOST_V1,
  TENDERING_LOT_WITHDRAWN_V1,
  TENDERING_OFFERS_CLOSED_V1,
} from '@app/contracts';
import { OutboxService } from '@app/federation';

import { coopsToInvite, isLocal, lotDeadline } from './lot-change.rules';
import { LotRow, TenderRow, TenderStore } from './tender.store';

/** An answered question as it goes to every invited co-op: never who asked. */
interface AnsweredEnquiryRow {
  id: string;
  tender_id: string;
  lot_id: string | null;
  question: string;
  answer: string;
  answered_at: Date;
}

export const invitedLot = (l: LotRow, tenderDeadline: Date): InvitedLotV2 => ({
  lotId: l.id,
  lotVersion: l.version,
  reference: l.reference,
  title: l.title,
  locality: l.locality,
  serviceType: l.serviceType,
  hoursPerWeek: l.hoursPerWeek,
  ceilingPencePerHour: l.ceilingPencePerHour,
  startsOn: l.startsOn,
  endsOn: l.endsOn,
  deadline: lotDeadline(l, tenderDeadline).toISOString(),
});

/** The invitation a co-op gets: the tender's terms and timetable, and its own lots. */
const invitationOf = (tender: TenderRow, lots: readonly LotRow[], reinvitation: boolean) => ({
  tenderId: tender.id,
  title: tender.title,
  buyer: tender.buyer,
  deadline: tender.deadline.toISOString(),
  lots: lots.map((l) => invitedLot(l, tender.deadline)),
  reinvitation,
  ...(tender.enquiryEndsAt
    ? {
        enquiryPeriod: {
          ...(tender.enquiryStartsAt ? { startDate: tender.enquiryStartsAt.toISOString() } : {}),
          endDate: tender.enquiryEndsAt.toISOString(),
        },
      }
    : {}),
});

/**
 * An invitation's co-op is still a member: one that has left is told nothing more (no message to it is
 * ever answered); if it is taken back, the next re-invitation or answer shared reaches it.
 */
const MEMBER = `coop_id NOT IN (SELECT id FROM coop WHERE status = 'left')`;

/**
 * Invitations and withdrawals, always inside the caller's transaction so that what co-ops are told
 * is exactly what was committed. Each co-op gets one invitation listing only its own lots.
 */
@Injectable()
export class TenderInvitations {
  constructor(
    private readonly store: TenderStore,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Invites to these lots every co-op that serves them, and the co-ops named (now or before, by
   * staff) if they offer the service. Returns who was invited to which lot.
   */
  async invite(
    m: EntityManager,
    tender: TenderRow,
    lots: readonly LotRow[],
    options: { named?: readonly string[]; reinvitation: boolean; correlationId?: string },
  ): Promise<Map<string, string[]>> {
    const registry = await this.store.registry(m);
    const previouslyNamed: { coop_id: string }[] = await m.query(
      'SELECT DISTINCT coop_id FROM tender_invitation WHERE tender_id = $1 AND named_by_staff',
      [tender.id],
    );
    const named = [...new Set([...(options.named ?? []), ...previouslyNamed.map((r) => r.coop_id)])];
    const byCoop = new Map<string, LotRow[]>();
    const byLot = new Map<string, string[]>();
    for (const lot of lots) {
      const invited = coopsToInvite(lot, registry, named);
      byLot.set(lot.id, invited);
      for (const coopId of invited) {
        byCoop.set(coopId, [...(byCoop.get(coopId) ?? []), lot]);
        const isNamed = !isLocal(
          registry.find((c) => c.id === coopId)!,
          lot,
        );
        await m.query(
          `INSERT INTO tender_invitation (lot_id, coop_id, tender_id, lot_version, named_by_staff) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (lot_id, coop_id) DO UPDATE SET lot_version = EXCLUDED.lot_version, invited_at = now(), withdrawn_at = NULL, withdrawn_reason = NULL`,
          [lot.id, coopId, tender.id, lot.version, isNamed],
        );
      }
    }
    for (const [coopId, mine] of [...byCoop.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await this.outbox.enqueue(m, TENDERING_INVITATION_V2, invitationOf(tender, mine, options.reinvitation), {
        coopId,
        correlationId: options.correlationId,
      });
    }
    // A co-op invited now gets every question answered so far, as those invited earlier did.
    await this.shareAnswers(m, tender.id);
    return byLot;
  }

  /** Sends the current terms again to every co-op with a live invitation (after the deadline or title changed). */
  async resend(m: EntityManager, tender: TenderRow): Promise<void> {
    const lots = await this.store.openLots(m, tender.id);
    const live: { coop_id: string; lot_id: string }[] = await m.query(
      `SELECT coop_id, lot_id FROM tender_invitation WHERE tender_id = $1 AND withdrawn_at IS NULL AND ${MEMBER} ORDER BY coop_id`,
      [tender.id],
    );
    const coops = [...new Set(live.map((r) => r.coop_id))];
    for (const coopId of coops) {
      const mine = lots.filter((l) => live.some((r) => r.coop_id === coopId && r.lot_id === l.id));
      if (mine.length === 0) continue;
      await this.outbox.enqueue(m, TENDERING_INVITATION_V2, invitationOf(tender, mine, false), { coopId });
    }
  }

  /**
   * Sends each answered question on the tender, with its answer, to every co-op with a live
   * invitation that has not had it yet: once per co-op, whenever it was invited. The asker is never
   * named. Returns how many messages went.
   */
  async shareAnswers(m: EntityManager, tenderId: string): Promise<number> {
    const answered: AnsweredEnquiryRow[] = await m.query(
      'SELECT id, tender_id, lot_id, question, answer, answered_at FROM tender_enquiry WHERE tender_id = $1 AND answer IS NOT NULL ORDER BY answered_at, id',
      [tenderId],
    );
    if (answered.length === 0) return 0;
    const coops: { coop_id: string }[] = await m.query(
      `SELECT DISTINCT coop_id FROM tender_invitation WHERE tender_id = $1 AND withdrawn_at IS NULL AND ${MEMBER} ORDER BY coop_id`,
      [tenderId],
    );
    let sent = 0;
    for (const e of answered) {
      for (const { coop_id } of coops) {
        // TypeORM answers an INSERT ... RETURNING with the rows.
        const fresh: { coop_id: string }[] = await m.query(
          'INSERT INTO tender_enquiry_shared (enquiry_id, coop_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING coop_id',
          [e.id, coop_id],
        );
        if (fresh.length === 0) continue;
        await this.outbox.enqueue(
          m,
          TENDERING_ENQUIRY_ANSWERED_V1,
          {
            tenderId,
            enquiryId: e.id,
            ...(e.lot_id ? { lotId: e.lot_id } : {}),
            question: e.question,
            answer: e.answer,
            answeredAt: new Date(e.answered_at).toISOString(),
          },
          { coopId: coop_id },
        );
        sent++;
      }
    }
    return sent;
  }

  /**
   * Withdraws a version of a lot: every offer on it, and every invitation to it, with a message to
   * each co-op that was invited. Returns the co-ops told.
   */
  async withdraw(m: EntityManager, lot: LotRow, reason: LotWithdrawalReason, replacedBy: string[] = []): Promise<string[]> {
    await m.query(
      `UPDATE tender_offer SET withdrawn_at = now(), withdrawn_reason = $2 WHERE lot_id = $1 AND superseded_at IS NULL AND withdrawn_at IS NULL`,
      [lot.id, reason],
    );
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [told]: [{ coop_id: string }[], number] = await m.query(
      `UPDATE tender_invitation SET withdrawn_at = now(), withdrawn_reason = $2 WHERE lot_id = $1 AND withdrawn_at IS NULL RETURNING coop_id`,
      [lot.id, reason],
    );
    const coops = told.map((r) => r.coop_id).sort();
    for (const coopId of coops) {
      await this.outbox.enqueue(
        m,
        TENDERING_LOT_WITHDRAWN_V1,
        { tenderId: lot.tenderId, lotId: lot.id, lotVersion: lot.version, reason, ...(replacedBy.length ? { replacedBy } : {}) },
        { coopId },
      );
    }
    return coops;
  }

  /**
   * Tells every co-op with a live invitation that offers closed (at the deadline, or early by hand),
   * so its node stops taking offers on the tender instead of sending ones the hub will refuse.
   * Returns the co-ops told.
   */
  async announceClosed(m: EntityManager, tenderId: string, closedAt: Date): Promise<string[]> {
    const rows: { coop_id: string }[] = await m.query(
      `SELECT DISTINCT coop_id FROM tender_invitation WHERE tender_id = $1 AND withdrawn_at IS NULL AND ${MEMBER} ORDER BY coop_id`,
      [tenderId],
    );
    for (const { coop_id } of rows)
      await this.outbox.enqueue(m, TENDERING_OFFERS_CLOSED_V1, { tenderId, closedAt: closedAt.toISOString() }, { coopId: coop_id });
    return rows.map((r) => r.coop_id);
  }

  /** Tells a co-op that its offer on a lot came to nothing (`tendering.lot-lost`: lost, or won without it). */
  async tellLost(m: EntityManager, tenderId: string, lotId: string, coopId: string, outcome: LotLostOutcome): Promise<void> {
    await this.outbox.enqueue(m, TENDERING_LOT_LOST_V1, { tenderId, lotId, outcome }, { coopId });
  }
}
