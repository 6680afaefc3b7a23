import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { ServiceType } from '@app/contracts';

import { compareReferences, CoopInRegistry, lotChangeRefusal, lotClosedRefusal } from './lot-change.rules';
import type { TenderStage } from './tender-stage.rules';
import { TenderingErrors } from './tendering.errors';

export interface TenderRow {
  id: string;
  title: string;
  buyer: string;
  description: string | null;
  deadline: Date;
  stage: TenderStage;
  invitedAt: Date | null;
  offersClosedAt: Date | null;
  assembledAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: Date;
  /** The last change to the tender's own terms or stage. */
  updatedAt: Date;
  enquiryStartsAt: Date | null;
  enquiryEndsAt: Date | null;
  enquiriesClosedAt: Date | null;
  standstillEndsAt: Date | null;
  standstillLastDay: string | null;
  finalAt: Date | null;
}

export interface LotRow {
  id: string;
  tenderId: string;
  reference: string;
  title: string;
  locality: string;
  serviceType: ServiceType;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
  startsOn: string;
  endsOn: string;
  parentLotId: string | null;
  status: 'open' | 'split';
  version: number;
  changedAt: Date;
  /** The lot's own deadline for offers, at or before the tender's; null: the tender's. */
  deadline: Date | null;
  offersClosedAt: Date | null;
}

interface TenderTableRow {
  id: string;
  title: string;
  buyer: string;
  description: string | null;
  deadline: Date;
  stage: TenderStage;
  invited_at: Date | null;
  offers_closed_at: Date | null;
  assembled_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  enquiry_starts_at: Date | null;
  enquiry_ends_at: Date | null;
  enquiries_closed_at: Date | null;
  standstill_ends_at: Date | null;
  standstill_last_day: string | null;
  final_at: Date | null;
}

interface LotTableRow {
  id: string;
  tender_id: string;
  reference: string;
  title: string;
  locality: string;
  service_type: ServiceType;
  hours_per_week: number;
  ceiling_pence_per_hour: number;
  starts_on: string;
  ends_on: string;
  parent_lot_id: string | null;
  status: 'open' | 'split';
  version: number;
  changed_at: Date;
  deadline: Date | null;
  offers_closed_at: Date | null;
}

interface RegistryRow {
  id: string;
  status: string;
  localities: string[];
  services_offered: string[];
}

const tenderOf = (r: TenderTableRow): TenderRow => ({
  id: r.id,
  title: r.title,
  buyer: r.buyer,
  description: r.description,
  deadline: new Date(r.deadline),
  stage: r.stage,
  invitedAt: r.invited_at,
  offersClosedAt: r.offers_closed_at,
  assembledAt: r.assembled_at,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  enquiryStartsAt: r.enquiry_starts_at,
  enquiryEndsAt: r.enquiry_ends_at,
  enquiriesClosedAt: r.enquiries_closed_at,
  standstillEndsAt: r.standstill_ends_at,
  standstillLastDay: r.standstill_last_day,
  finalAt: r.final_at,
});

const lotOf = (r: LotTableRow): LotRow => ({
  id: r.id,
  tenderId: r.tender_id,
  reference: r.reference,
  title: r.title,
  locality: r.locality,
  serviceType: r.service_type,
  hoursPerWeek: r.hours_per_week,
  ceilingPencePerHour: r.ceiling_pence_per_hour,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  parentLotId: r.parent_lot_id,
  status: r.status,
  version: r.version,
  changedAt: r.changed_at,
  deadline: r.deadline,
  offersClosedAt: r.offers_closed_at,
});

/** Reads and writes of tenders that every use case needs, named for what they do. */
@Injectable()
export class TenderStore {
  /** The tender, locked for the rest of the transaction: every change to a tender goes one at a time. */
  async lockTender(m: EntityManager, id: string): Promise<TenderRow> {
    const [row]: TenderTableRow[] = await m.query('SELECT * FROM tender WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw TenderingErrors.tenderNotFound(id);
    return tenderOf(row);
  }

  /**
   * The tender locked, then the lot it is changing: refused when the tender's stage or deadline no
   * longer allows a change, or when the lot was already split.
   */
  async lockLotForChange(m: EntityManager, tenderId: string, lotId: string, now: Date): Promise<{ tender: TenderRow; lot: LotRow }> {
    const tender = await this.lockTender(m, tenderId);
    const refusal = lotChangeRefusal(tender.stage, tender.deadline, now);
    if (refusal) throw TenderingErrors.lot(refusal);
    const lot = await this.lot(m, tenderId, lotId);
    const closed = lotClosedRefusal(lot, now);
    if (closed) throw TenderingErrors.lot(closed);
    if (lot.status === 'split')
      throw TenderingErrors.lot({
        rule: 'TENDERING.LOT_ALREADY_SPLIT',
        kind: 'conflict',
        message: `lot ${lot.reference} was split: change its parts instead`,
      });
    return { tender, lot };
  }

  async findTender(m: EntityManager, id: string): Promise<TenderRow | null> {
    const [row]: TenderTableRow[] = await m.query('SELECT * FROM tender WHERE id = $1', [id]);
    return row ? tenderOf(row) : null;
  }

  async lots(m: EntityManager, tenderId: string): Promise<LotRow[]> {
    const rows: LotTableRow[] = await m.query('SELECT * FROM tender_lot WHERE tender_id = $1', [tenderId]);
    return rows.map(lotOf).sort((a, b) => compareReferences(a.reference, b.reference));
  }

  async openLots(m: EntityManager, tenderId: string): Promise<LotRow[]> {
    return (await this.lots(m, tenderId)).filter((l) => l.status === 'open');
  }

  async lot(m: EntityManager, tenderId: string, lotId: string): Promise<LotRow> {
    const [row]: LotTableRow[] = await m.query('SELECT * FROM tender_lot WHERE id = $1 AND tender_id = $2', [lotId, tenderId]);
    if (!row) throw TenderingErrors.lotNotFound(lotId);
    return lotOf(row);
  }

  async insertLot(m: EntityManager, lot: Omit<LotRow, 'status' | 'version' | 'changedAt' | 'offersClosedAt'>): Promise<void> {
    await m.query(
      `INSERT INTO tender_lot (id, tender_id, reference, title, locality, service_type, hours_per_week, ceiling_pence_per_hour, starts_on, ends_on, parent_lot_id, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        lot.id,
        lot.tenderId,
        lot.reference,
        lot.title,
        lot.locality,
        lot.serviceType,
        lot.hoursPerWeek,
        lot.ceilingPencePerHour,
        lot.startsOn,
        lot.endsOn,
        lot.parentLotId,
        lot.deadline,
      ],
    );
  }

  /** Moves the tender to its next stage and writes down who moved it (a person, or the schedule). */
  async moveStage(
    m: EntityManager,
    tender: TenderRow,
    to: TenderStage,
    by: string,
    note: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const sets = Object.keys(extra).map((column, i) => `${column} = $${i + 3}`);
    await m.query(`UPDATE tender SET stage = $2, updated_at = now()${sets.length ? ', ' + sets.join(', ') : ''} WHERE id = $1`, [
      tender.id,
      to,
      ...Object.values(extra),
    ]);
    await this.recordStage(m, tender.id, tender.stage, to, by, note);
  }

  async recordStage(
    m: EntityManager,
    tenderId: string,
    from: TenderStage | null,
    to: TenderStage,
    by: string,
    note: string | null,
  ): Promise<void> {
    await m.query('INSERT INTO tender_stage_change (tender_id, from_stage, to_stage, changed_by, note) VALUES ($1, $2, $3, $4, $5)', [
      tenderId,
      from,
      to,
      by,
      note,
    ]);
  }

  /** Co-ops the hub can send to (provisioned with a key), with what the registry says they serve. */
  async registry(m: EntityManager): Promise<CoopInRegistry[]> {
    const rows: RegistryRow[] = await m.query(
      'SELECT id, status, localities, services_offered FROM coop WHERE public_key IS NOT NULL ORDER BY id',
    );
    return rows.map((r) => ({ id: r.id, status: r.status, localities: r.localities, servicesOffered: r.services_offered }));
  }
}
