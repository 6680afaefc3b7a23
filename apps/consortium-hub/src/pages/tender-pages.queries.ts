import { Injectable, NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

import { pounds, ukDateTime } from '@app/web';

import { allowedTenderActions, ListTendersQuery, TenderQueries } from '../tendering';
import { serviceLabel, tenderForms, tenderStageLabel } from './tender-pages.rules';

const PAGE_SIZE = 50;

/**
 * What the tender pages show, read through the tendering API's own queries with the reader's role:
 * a commissioner sees exactly what GET /tenders/:id answers a commissioner (no offers; the bid only
 * once submitted, as lot coverage), staff what it answers staff. The history shows stages and times,
 * never who changed them.
 */
@Injectable()
export class TenderPages {
  constructor(private readonly tenders: TenderQueries) {}

  /** The tenders, latest deadline first, a page at a time, as GET /tenders lists them. */
  async list(offset: unknown) {
    const query = plainToInstance(ListTendersQuery, { limit: PAGE_SIZE, offset: wholeNumber(offset) });
    const page = await this.tenders.list(query);
    return {
      ...page,
      items: page.items.map((t) => ({ ...t, stageLabel: tenderStageLabel(t.stage), closes: ukDateTime(t.deadline, '') })),
      previous: page.offset > 0 ? Math.max(0, page.offset - PAGE_SIZE) : null,
      next: page.offset + page.items.length < page.total ? page.offset + PAGE_SIZE : null,
    };
  }

  /** One tender as the reader's role sees it, with the staff's forms its stage allows. */
  async tender(id: string, role: string) {
    const t = await this.tenders.get(id, role);
    const lotRef = new Map(t.lots.map((l) => [l.id, l.reference]));
    const openLots = t.lots.filter((l) => l.status === 'open');
    return {
      tender: t,
      staff: role === 'consortium-staff',
      stageLabel: tenderStageLabel(t.stage),
      forms: tenderForms(role === 'consortium-staff' ? allowedTenderActions(t.stage) : []),
      times: {
        deadline: ukDateTime(t.deadline, ''),
        created: ukDateTime(t.createdAt, ''),
        invited: ukDateTime(t.invitedAt, ''),
        offersClosed: ukDateTime(t.offersClosedAt, ''),
        assembled: ukDateTime(t.assembledAt, ''),
        submitted: ukDateTime(t.submittedAt, ''),
        decided: ukDateTime(t.decidedAt, ''),
        cancelled: ukDateTime(t.cancelledAt, ''),
        enquiriesEnd: t.enquiryPeriod ? ukDateTime(t.enquiryPeriod.endDate, '') : null,
        standstillEnd: t.standstill ? ukDateTime(t.standstill.endDate, '') : null,
        final: ukDateTime(t.finalAt, ''),
      },
      standstill: t.standstill,
      lots: t.lots.map((l) => ({
        ...l,
        service: serviceLabel(l.serviceType),
        ceiling: pounds(l.ceilingPencePerHour),
        parentReference: l.parentLotId ? (lotRef.get(l.parentLotId) ?? null) : null,
      })),
      openLots,
      bid: t.bid
        ? {
            ...t.bid,
            weeklyPrice: pounds(t.bid.weeklyPricePence),
            lots: t.bid.lots.map((l) => ({ ...l, service: serviceLabel(l.serviceType), weeklyPrice: pounds(l.weeklyPricePence) })),
            allocations: (t.bid.allocations ?? []).map((a) => ({ ...a, price: pounds(a.pricePencePerHour) })),
          }
        : null,
      offers: (t.offers ?? []).map((o) => ({ ...o, price: pounds(o.pricePencePerHour), made: ukDateTime(o.madeAt, '') })),
      contracts: t.contracts.map((c) => ({ ...c, price: pounds(c.pricePencePerHour), held: c.releasedAt === null })),
      history: t.history.map((h) => ({
        from: h.from ? tenderStageLabel(h.from) : null,
        to: tenderStageLabel(h.to),
        at: ukDateTime(h.at, ''),
        note: h.note,
      })),
    };
  }

  /** One open lot of a tender, for the staff's page that changes or splits it. */
  async lot(id: string, lotId: string) {
    const page = await this.tender(id, 'consortium-staff');
    const lot = page.lots.find((l) => l.id === lotId && l.status === 'open');
    if (!lot) throw new NotFoundException(`lot ${lotId} is not an open lot of this tender`);
    return { ...page, lot };
  }
}

export type TenderPage = Awaited<ReturnType<TenderPages['tender']>>;
export type LotPage = Awaited<ReturnType<TenderPages['lot']>>;

function wholeNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return n;
}
