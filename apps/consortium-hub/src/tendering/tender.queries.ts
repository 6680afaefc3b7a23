import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type { ServiceType } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { ASSEMBLY_METHOD } from './bid-assembly.rules';
import { compareReferences } from './lot-change.rules';
import type { ChallengeOutcome } from './standstill.rules';
import { LotRow, TenderRow, TenderStore } from './tender.store';
import { invitedLot } from './tender-invitations.service';
import { ListTendersQuery, OfferStatus, TenderDetailView, TenderOfferView, TenderSummaryView } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

type TenderStage = TenderRow['stage'];

interface TenderSummaryRow {
  id: string;
  title: string;
  buyer: string;
  deadline: Date;
  stage: TenderStage;
  created_at: Date;
  total: number;
  lots: number;
  hours_per_week: number;
}

interface InvitationRow {
  lot_id: string;
  coop_id: string;
  lot_version: number;
  named_by_staff: boolean;
  invited_at: Date;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
}

interface StageChangeRow {
  from_stage: TenderStage | null;
  to_stage: TenderStage;
  changed_at: Date;
  changed_by: string;
  note: string | null;
}

interface OfferRow {
  message_id: string;
  tender_id: string;
  lot_id: string;
  coop_id: string;
  lot_version: number;
  hours_per_week: number;
  price_pence_per_hour: number;
  total_hours_per_week: number | null;
  made_at: Date;
  received_at: Date;
  superseded_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  coop_name: string;
}

interface LotAwardRow {
  lot_id: string;
  tender_id: string;
  outcome: 'whole' | 'partial' | 'lost';
  awarded_hours_per_week: number;
  decided_at: Date;
  decided_by: string;
}

interface ContractRow {
  id: string;
  tender_id: string;
  lot_id: string;
  coop_id: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  starts_on: string;
  ends_on: string;
  created_at: Date;
  released_at: Date | null;
  coop_name: string;
}

interface EnquiryRow {
  id: string;
  lot_id: string | null;
  coop_id: string;
  question: string;
  asked_at: Date;
  answer: string | null;
  answered_at: Date | null;
  shared_with: string[];
}

interface ChallengeRow {
  id: string;
  challenger: string;
  made_at: Date;
  grounds: string;
  recorded_by: string;
  recorded_at: Date;
  outcome: ChallengeOutcome | null;
  outcome_note: string | null;
  outcome_at: Date | null;
}

interface AllocationRow {
  lot_id: string;
  coop_id: string;
  tender_id: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  local: boolean;
  coop_name: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const at = (d: Date | string) => new Date(d).toISOString();

export interface BidLotView {
  lotId: string;
  reference: string;
  locality: string;
  serviceType: ServiceType;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
  allocatedHoursPerWeek: number;
  uncoveredHoursPerWeek: number;
  localHoursPerWeek: number;
  weeklyPricePence: number;
}

export interface BidView {
  assembledAt: string;
  /** An offer arrived after this bid was assembled: assemble again before submitting. */
  stale: boolean;
  method: string;
  requiredHoursPerWeek: number;
  allocatedHoursPerWeek: number;
  localHoursPerWeek: number;
  weeklyPricePence: number;
  allocations: {
    lotId: string;
    lotReference: string;
    coopId: string;
    coopName: string;
    hoursPerWeek: number;
    pricePencePerHour: number;
    local: boolean;
  }[];
  lots: BidLotView[];
  uncoveredLots: BidLotView[];
  coops: { coopId: string; coopName: string; allocatedHoursPerWeek: number }[];
}

/** Everything known about one tender, as the OCDS export and the detailed view read it. */
export interface TenderDossier {
  tender: TenderRow;
  lots: LotRow[];
  allocations: { lotId: string; coopId: string; coopName: string; hoursPerWeek: number; pricePencePerHour: number; local: boolean }[];
  awards: { lotId: string; outcome: 'whole' | 'partial' | 'lost'; awardedHoursPerWeek: number; decidedAt: Date }[];
  contracts: {
    id: string;
    lotId: string;
    coopId: string;
    coopName: string;
    hoursPerWeek: number;
    pricePencePerHour: number;
    startsOn: string;
    endsOn: string;
    createdAt: Date;
    releasedAt: Date | null;
  }[];
  enquiries: {
    id: string;
    lotId: string | null;
    coopId: string;
    sharedWith: string[];
    question: string;
    askedAt: Date;
    answer: string | null;
    answeredAt: Date | null;
  }[];
  invitedCoops: { coopId: string; coopName: string }[];
}

/**
 * The consortium's bid as a commissioner (the council's side) sees it, once submitted: what it
 * covers, lot by lot, for how many hours and at what weekly price. Never the co-ops' own offers, the
 * totals they stated, or how the hours are shared among them: those are the consortium's business,
 * and a commissioner could otherwise read each co-op's price floor before the next tender.
 */
export type SubmittedBidView = Pick<
  BidView,
  'requiredHoursPerWeek' | 'allocatedHoursPerWeek' | 'localHoursPerWeek' | 'weeklyPricePence' | 'lots' | 'uncoveredLots'
>;

/** The stages in which a commissioner sees the submitted bid. */
const BID_VISIBLE_TO_COMMISSIONERS = ['submitted', 'standstill', 'awarded', 'lost'];

@Injectable()
export class TenderQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
  ) {}

  async list(query: ListTendersQuery): Promise<Page<TenderSummaryView>> {
    const params: unknown[] = [query.limit, query.offset];
    const where = query.stage ? 'WHERE t.stage = $3' : '';
    if (query.stage) params.push(query.stage);
    const rows: TenderSummaryRow[] = await this.dataSource.query(
      `SELECT t.id, t.title, t.buyer, t.deadline, t.stage, t.created_at, count(*) OVER ()::int AS total,
              (SELECT count(*)::int FROM tender_lot l WHERE l.tender_id = t.id AND l.status = 'open') AS lots,
              (SELECT coalesce(sum(hours_per_week), 0)::int FROM tender_lot l WHERE l.tender_id = t.id AND l.status = 'open') AS hours_per_week
         FROM tender t ${where} ORDER BY t.deadline DESC, t.id LIMIT $1 OFFSET $2`,
      params,
    );
    const items = rows.map((r) => ({
      id: r.id,
      title: r.title,
      buyer: r.buyer,
      deadline: new Date(r.deadline).toISOString(),
      stage: r.stage,
      lots: r.lots,
      hoursPerWeek: r.hours_per_week,
      createdAt: new Date(r.created_at).toISOString(),
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }

  /**
   * The tender with its lots, invitations, offers, bid, award and contracts. A commissioner never
   * sees the offers; it sees the bid only once submitted, and then only as `SubmittedBidView`.
   */
  async get(id: string, role: string): Promise<TenderDetailView> {
    const m = this.dataSource.manager;
    const d = await this.dossier(m, id);
    const t = d.tender;
    const commissioner = role === 'commissioner';
    const invitations: InvitationRow[] = await m.query(
      'SELECT lot_id, coop_id, lot_version, named_by_staff, invited_at, withdrawn_at, withdrawn_reason FROM tender_invitation WHERE tender_id = $1 ORDER BY coop_id',
      [id],
    );
    const history: StageChangeRow[] = await m.query(
      'SELECT from_stage, to_stage, changed_at, changed_by, note FROM tender_stage_change WHERE tender_id = $1 ORDER BY id',
      [id],
    );
    const challenges: ChallengeRow[] = commissioner
      ? []
      : await m.query('SELECT * FROM tender_challenge WHERE tender_id = $1 ORDER BY made_at, id', [id]);
    const reference = new Map(d.lots.map((l) => [l.id, l.reference]));
    return {
      id: t.id,
      title: t.title,
      buyer: t.buyer,
      description: t.description,
      deadline: new Date(t.deadline).toISOString(),
      stage: t.stage,
      invitedAt: iso(t.invitedAt),
      offersClosedAt: iso(t.offersClosedAt),
      assembledAt: iso(t.assembledAt),
      submittedAt: iso(t.submittedAt),
      decidedAt: iso(t.decidedAt),
      cancelledAt: iso(t.cancelledAt),
      cancelReason: t.cancelReason,
      createdAt: new Date(t.createdAt).toISOString(),
      enquiryPeriod: t.enquiryEndsAt
        ? { startDate: iso(t.enquiryStartsAt ?? t.invitedAt), endDate: at(t.enquiryEndsAt), closedAt: iso(t.enquiriesClosedAt) }
        : null,
      standstill:
        t.standstillEndsAt && t.decidedAt
          ? {
              startDate: at(t.decidedAt),
              endDate: at(t.standstillEndsAt),
              lastWorkingDay: t.standstillLastDay!,
              openChallenges: (
                await m.query('SELECT count(*)::int AS n FROM tender_challenge WHERE tender_id = $1 AND outcome IS NULL', [id])
              )[0].n,
            }
          : null,
      finalAt: iso(t.finalAt),
      // A commissioner reads the questions and answers as any co-op does: without who asked.
      enquiries: d.enquiries.map(({ coopId, sharedWith, ...e }) => ({
        ...e,
        lotReference: e.lotId ? (reference.get(e.lotId) ?? null) : null,
        ...(commissioner ? {} : { coopId, sharedWith }),
        askedAt: at(e.askedAt),
        answeredAt: iso(e.answeredAt),
      })),
      challenges: challenges.map((c) => ({
        id: c.id,
        challenger: c.challenger,
        madeAt: at(c.made_at),
        grounds: c.grounds,
        recordedBy: c.recorded_by,
        recordedAt: at(c.recorded_at),
        outcome: c.outcome,
        outcomeNote: c.outcome_note,
        outcomeAt: iso(c.outcome_at),
      })),
      lots: d.lots.map((l) => {
        const { lotId: _lotId, lotVersion: _lotVersion, deadline, ...terms } = invitedLot(l, t.deadline);
        const award = d.awards.find((a) => a.lotId === l.id);
        return {
          id: l.id,
          ...terms,
          status: l.status,
          version: l.version,
          parentLotId: l.parentLotId,
          invited: invitations.filter((i) => i.lot_id === l.id && !i.withdrawn_at).map((i) => i.coop_id),
          award: award ? { outcome: award.outcome, hoursPerWeek: award.awardedHoursPerWeek } : null,
          deadline,
          ownDeadline: l.deadline !== null,
          offersClosedAt: iso(l.offersClosedAt),
        };
      }),
      invitations: invitations.map((i) => ({
        lotId: i.lot_id,
        lotReference: reference.get(i.lot_id)!,
        coopId: i.coop_id,
        lotVersion: i.lot_version,
        namedByStaff: i.named_by_staff,
        invitedAt: at(i.invited_at),
        withdrawnAt: iso(i.withdrawn_at),
        withdrawnReason: i.withdrawn_reason,
      })),
      ...(commissioner ? {} : { offers: await this.offers(m, id, reference) }),
      bid: commissioner
        ? BID_VISIBLE_TO_COMMISSIONERS.includes(t.stage)
          ? submittedBid(await this.bid(m, id))
          : null
        : await this.bid(m, id),
      contracts: d.contracts.map((c) => ({
        ...c,
        lotReference: reference.get(c.lotId)!,
        createdAt: at(c.createdAt),
        releasedAt: iso(c.releasedAt),
      })),
      history: history.map((h) => ({ from: h.from_stage, to: h.to_stage, at: at(h.changed_at), by: h.changed_by, note: h.note })),
    };
  }

  /** Every offer received, newest first per lot and co-op; `status` says which one counts. */
  private async offers(m: EntityManager, id: string, reference: Map<string, string>): Promise<TenderOfferView[]> {
    const rows: OfferRow[] = await m.query(
      `SELECT o.*, c.name AS coop_name FROM tender_offer o JOIN coop c ON c.id = o.coop_id WHERE o.tender_id = $1 ORDER BY o.lot_id, o.coop_id, o.made_at DESC`,
      [id],
    );
    return rows
      .map((o): TenderOfferView => ({
        messageId: o.message_id,
        lotId: o.lot_id,
        lotReference: reference.get(o.lot_id)!,
        lotVersion: o.lot_version,
        coopId: o.coop_id,
        coopName: o.coop_name,
        hoursPerWeek: o.hours_per_week,
        pricePencePerHour: o.price_pence_per_hour,
        totalHoursPerWeek: o.total_hours_per_week,
        madeAt: at(o.made_at),
        receivedAt: at(o.received_at),
        status: offerStatus(o),
        withdrawnReason: o.withdrawn_reason,
      }))
      .sort((a, b) => compareReferences(a.lotReference ?? '', b.lotReference ?? ''));
  }

  /** The assembled bid as stored, with each lot's coverage; null before the first assembly. */
  async bid(m: EntityManager, id: string): Promise<BidView | null> {
    const tender = await this.store.findTender(m, id);
    if (!tender) throw TenderingErrors.tenderNotFound(id);
    if (!tender.assembledAt) return null;
    const lots = await this.store.openLots(m, id);
    const allocations = await this.allocations(m, id);
    const [{ latest }]: { latest: Date | null }[] = await m.query(
      'SELECT max(received_at) AS latest FROM tender_offer WHERE tender_id = $1',
      [id],
    );
    const reference = new Map(lots.map((l) => [l.id, l.reference]));
    const lotViews: BidLotView[] = lots.map((l) => {
      const mine = allocations.filter((a) => a.lotId === l.id);
      const allocated = mine.reduce((s, a) => s + a.hoursPerWeek, 0);
      return {
        lotId: l.id,
        reference: l.reference,
        locality: l.locality,
        serviceType: l.serviceType,
        hoursPerWeek: l.hoursPerWeek,
        ceilingPencePerHour: l.ceilingPencePerHour,
        allocatedHoursPerWeek: allocated,
        uncoveredHoursPerWeek: l.hoursPerWeek - allocated,
        localHoursPerWeek: mine.filter((a) => a.local).reduce((s, a) => s + a.hoursPerWeek, 0),
        weeklyPricePence: mine.reduce((s, a) => s + a.hoursPerWeek * a.pricePencePerHour, 0),
      };
    });
    const coopIds = [...new Set(allocations.map((a) => a.coopId))].sort();
    const total = (f: (l: BidLotView) => number) => lotViews.reduce((s, l) => s + f(l), 0);
    return {
      assembledAt: iso(tender.assembledAt)!,
      stale: !!latest && new Date(latest) > new Date(tender.assembledAt),
      method: ASSEMBLY_METHOD,
      requiredHoursPerWeek: total((l) => l.hoursPerWeek),
      allocatedHoursPerWeek: total((l) => l.allocatedHoursPerWeek),
      localHoursPerWeek: total((l) => l.localHoursPerWeek),
      weeklyPricePence: total((l) => l.weeklyPricePence),
      allocations: allocations
        .map((a) => ({ ...a, lotReference: reference.get(a.lotId)! }))
        .sort(
          (a, b) => lots.findIndex((l) => l.id === a.lotId) - lots.findIndex((l) => l.id === b.lotId) || (a.coopId < b.coopId ? -1 : 1),
        ),
      lots: lotViews,
      uncoveredLots: lotViews.filter((l) => l.uncoveredHoursPerWeek > 0),
      coops: coopIds.map((c) => ({
        coopId: c,
        coopName: allocations.find((a) => a.coopId === c)!.coopName,
        allocatedHoursPerWeek: allocations.filter((a) => a.coopId === c).reduce((s, a) => s + a.hoursPerWeek, 0),
      })),
    };
  }

  async dossier(m: EntityManager, id: string): Promise<TenderDossier> {
    const tender = await this.store.findTender(m, id);
    if (!tender) throw TenderingErrors.tenderNotFound(id);
    const awards: LotAwardRow[] = await m.query('SELECT * FROM tender_lot_award WHERE tender_id = $1', [id]);
    const contracts: ContractRow[] = await m.query(
      'SELECT k.*, c.name AS coop_name FROM tender_contract k JOIN coop c ON c.id = k.coop_id WHERE k.tender_id = $1 ORDER BY k.lot_id, k.coop_id',
      [id],
    );
    const enquiries: EnquiryRow[] = await m.query(
      `SELECT e.*, coalesce((SELECT array_agg(s.coop_id ORDER BY s.coop_id) FROM tender_enquiry_shared s WHERE s.enquiry_id = e.id), '{}') AS shared_with
         FROM tender_enquiry e WHERE e.tender_id = $1 ORDER BY e.asked_at, e.id`,
      [id],
    );
    const invited: { coop_id: string; name: string }[] = await m.query(
      'SELECT DISTINCT i.coop_id, c.name FROM tender_invitation i JOIN coop c ON c.id = i.coop_id WHERE i.tender_id = $1 ORDER BY i.coop_id',
      [id],
    );
    return {
      tender,
      lots: await this.store.lots(m, id),
      allocations: await this.allocations(m, id),
      awards: awards.map((a) => ({
        lotId: a.lot_id,
        outcome: a.outcome,
        awardedHoursPerWeek: a.awarded_hours_per_week,
        decidedAt: a.decided_at,
      })),
      contracts: contracts.map((k) => ({
        id: k.id,
        lotId: k.lot_id,
        coopId: k.coop_id,
        coopName: k.coop_name,
        hoursPerWeek: k.hours_per_week,
        pricePencePerHour: k.price_pence_per_hour,
        startsOn: k.starts_on,
        endsOn: k.ends_on,
        createdAt: k.created_at,
        releasedAt: k.released_at,
      })),
      enquiries: enquiries.map((e) => ({
        id: e.id,
        lotId: e.lot_id,
        coopId: e.coop_id,
        sharedWith: e.shared_with,
        question: e.question,
        askedAt: e.asked_at,
        answer: e.answer,
        answeredAt: e.answered_at,
      })),
      invitedCoops: invited.map((r) => ({ coopId: r.coop_id, coopName: r.name })),
    };
  }

  private async allocations(m: EntityManager, id: string): Promise<TenderDossier['allocations']> {
    const rows: AllocationRow[] = await m.query(
      'SELECT a.*, c.name AS coop_name FROM tender_allocation a JOIN coop c ON c.id = a.coop_id WHERE a.tender_id = $1 ORDER BY a.lot_id, a.coop_id',
      [id],
    );
    return rows.map((a) => ({
      lotId: a.lot_id,
      coopId: a.coop_id,
      coopName: a.coop_name,
      hoursPerWeek: a.hours_per_week,
      pricePencePerHour: a.price_pence_per_hour,
      local: a.local,
    }));
  }
}

function offerStatus(o: OfferRow): OfferStatus {
  return o.superseded_at ? 'superseded' : o.withdrawn_at ? 'withdrawn' : o.hours_per_week === 0 ? 'withdrawn-by-coop' : 'current';
}

function submittedBid(bid: BidView | null): SubmittedBidView | null {
  if (!bid) return null;
  const { requiredHoursPerWeek, allocatedHoursPerWeek, localHoursPerWeek, weeklyPricePence, lots, uncoveredLots } = bid;
  return { requiredHoursPerWeek, allocatedHoursPerWeek, localHoursPerWeek, weeklyPricePence, lots, uncoveredLots };
}
