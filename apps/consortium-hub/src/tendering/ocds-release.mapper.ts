import { compareReferences } from './lot-change.rules';
import type { TenderDossier } from './tender.queries';
import type { LotRow } from './tender.store';
import type { TenderStage } from './tender-stage.rules';

/**
 * Open Contracting Data Standard 1.1.5 release packages for a tender: the tender stage (the council's
 * lots and terms) and the award stage (the council's decision per lot, with the co-ops that won).
 * Lots use the Lots extension. Money in pounds, as OCDS counts it; only organisations appear, never a
 * person. Pure: the caller supplies the clock and where the package is published.
 */
export const OCDS_VERSION = '1.1';
export const LOTS_EXTENSION = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json';
export const ENQUIRY_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json';
/** Stands in until the consortium registers its own prefix with the Open Contracting Partnership. */
export const DEFAULT_OCID_PREFIX = 'ocds-ccmesh';

export interface OcdsPublication {
  /** Where this hub's API is reached, e.g. https://hub.example.coop (the package URIs hang off it). */
  baseUri: string;
  publisherName: string;
  ocidPrefix?: string;
}

/** Care services under the EU/UK Common Procurement Vocabulary: social work services without accommodation. */
const CPV_CARE = { scheme: 'CPV', id: '85312000', description: 'Social work services without accommodation' };

/**
 * The tender's (and each lot's) status, from the OCDS tenderStatus codelist. That status describes the
 * council's procurement, not the consortium's fortunes in it: when the consortium loses (the whole
 * tender, or a lot), the council's process still ran to its end, so the tender and its lots are
 * `complete`, not `unsuccessful` (which the codelist keeps for a procurement that ended with no award
 * at all). What the consortium lost shows in the award stage instead (see `awardReleasePackage`).
 */
const TENDER_STATUS: Record<TenderStage, string> = {
  draft: 'planned',
  inviting: 'active',
  assembling: 'active',
  submitted: 'active',
  // The decision is made but not in force until the standstill ends: the council's process goes on.
  standstill: 'active',
  awarded: 'complete',
  lost: 'complete',
  cancelled: 'cancelled',
};

const pounds = (pence: number) => Math.round(pence) / 100;
const gbp = (pence: number) => ({ amount: pounds(pence), currency: 'GBP' });
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
/** Weekly hours at a price over the contract's dates, in pence. */
const overPeriod = (hoursPerWeek: number, pencePerHour: number, from: string, to: string) =>
  Math.round((hoursPerWeek * pencePerHour * days(from, to)) / 7);
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'buyer';
const words = (serviceType: string) => serviceType.replace(/-/g, ' ');

function lastChange(d: TenderDossier): Date {
  const dates = [
    d.tender.createdAt,
    d.tender.invitedAt,
    d.tender.offersClosedAt,
    d.tender.submittedAt,
    d.tender.decidedAt,
    d.tender.finalAt,
    d.tender.cancelledAt,
    d.tender.updatedAt,
    ...d.lots.map((l) => l.changedAt),
    ...d.enquiries.flatMap((e) => [e.askedAt, e.answeredAt]),
  ];
  return new Date(Math.max(...dates.filter((x): x is Date => !!x).map((x) => new Date(x).getTime())));
}

/** What both stages export: one release in its package. */
export interface OcdsReleasePackage {
  uri: string;
  version: string;
  extensions: string[];
  publishedDate: string;
  publisher: { name: string };
  releases: object[];
}

function packageOf(d: TenderDossier, p: OcdsPublication, stage: 'tender' | 'award', release: object, published: Date): OcdsReleasePackage {
  return {
    uri: `${p.baseUri.replace(/\/$/, '')}/tenders/${d.tender.id}/ocds/${stage}`,
    version: OCDS_VERSION,
    extensions: [LOTS_EXTENSION, ENQUIRY_EXTENSION],
    publishedDate: published.toISOString(),
    publisher: { name: p.publisherName },
    releases: [release],
  };
}

function buyerOf(d: TenderDossier) {
  return { id: `buyer-${slug(d.tender.buyer)}`, name: d.tender.buyer };
}

function lotOf(l: LotRow, status: string) {
  return {
    id: l.id,
    title: `Lot ${l.reference}: ${l.title}`,
    description: `${l.hoursPerWeek} hours a week of ${words(l.serviceType)} in ${l.locality}, at most £${pounds(l.ceilingPencePerHour).toFixed(2)} an hour`,
    status,
    value: gbp(overPeriod(l.hoursPerWeek, l.ceilingPencePerHour, l.startsOn, l.endsOn)),
    contractPeriod: { startDate: `${l.startsOn}T00:00:00Z`, endDate: `${l.endsOn}T23:59:59Z` },
  };
}

function itemOf(l: LotRow, hoursPerWeek: number, pencePerHour: number) {
  return {
    id: `lot-${l.reference}-hours`,
    description: `${words(l.serviceType)} in ${l.locality}, hours a week`,
    classification: CPV_CARE,
    quantity: hoursPerWeek,
    unit: { scheme: 'UNCEFACT', id: 'HUR', name: 'hour (each week)', value: gbp(pencePerHour) },
    relatedLot: l.id,
  };
}

function tenderSection(d: TenderDossier) {
  const lots = d.lots.filter((l) => l.status === 'open');
  const status = TENDER_STATUS[d.tender.stage];
  return {
    id: d.tender.id,
    title: d.tender.title,
    ...(d.tender.description ? { description: d.tender.description } : {}),
    status,
    mainProcurementCategory: 'services',
    items: lots.map((l) => itemOf(l, l.hoursPerWeek, l.ceilingPencePerHour)),
    value: gbp(lots.reduce((s, l) => s + overPeriod(l.hoursPerWeek, l.ceilingPencePerHour, l.startsOn, l.endsOn), 0)),
    tenderPeriod: {
      ...(d.tender.invitedAt ? { startDate: new Date(d.tender.invitedAt).toISOString() } : {}),
      endDate: d.tender.deadline.toISOString(),
    },
    ...enquiriesOf(d),
    ...awardPeriodOf(d),
    lots: lots.map((l) => lotOf(l, status)),
  };
}

/**
 * The enquiry period (from the invitation unless set) and whether any question was asked (core OCDS),
 * and each question answered with its answer (the enquiry extension): what every invited co-op was
 * sent, never who asked. A question not yet answered is counted, not published.
 */
function enquiriesOf(d: TenderDossier) {
  const t = d.tender;
  if (!t.enquiryEndsAt) return { hasEnquiries: false };
  const start = t.enquiryStartsAt ?? t.invitedAt;
  const answered = d.enquiries.filter((e) => e.answer !== null && e.answeredAt !== null);
  const openLots = new Set(d.lots.filter((l) => l.status === 'open').map((l) => l.id));
  return {
    enquiryPeriod: { ...(start ? { startDate: new Date(start).toISOString() } : {}), endDate: new Date(t.enquiryEndsAt).toISOString() },
    hasEnquiries: d.enquiries.length > 0,
    ...(answered.length > 0
      ? {
          enquiries: answered.map((e) => ({
            id: e.id,
            date: new Date(e.askedAt).toISOString(),
            description: e.question,
            answer: e.answer,
            dateAnswered: new Date(e.answeredAt!).toISOString(),
            // Only a lot the release lists: one split since is no longer among them.
            ...(e.lotId && openLots.has(e.lotId) ? { relatedLot: e.lotId } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The award period: from the award decision to the end of its standstill, when the award comes into
 * force (for a tender lost outright, the decision alone). Absent before the council decides.
 */
function awardPeriodOf(d: TenderDossier) {
  const t = d.tender;
  if (!t.decidedAt) return {};
  const start = new Date(t.decidedAt).toISOString();
  return { awardPeriod: { startDate: start, endDate: t.standstillEndsAt ? new Date(t.standstillEndsAt).toISOString() : start } };
}

/** The tender stage: the council's tender and lots as they stand. */
export function tenderReleasePackage(d: TenderDossier, p: OcdsPublication): OcdsReleasePackage {
  const date = lastChange(d);
  const ocid = `${p.ocidPrefix ?? DEFAULT_OCID_PREFIX}-${d.tender.id}`;
  const buyer = buyerOf(d);
  const release = {
    ocid,
    id: `${d.tender.id}-tender-${date.getTime()}`,
    date: date.toISOString(),
    tag: [d.tender.stage === 'cancelled' ? 'tenderCancellation' : 'tender'],
    initiationType: 'tender',
    language: 'en',
    parties: [{ ...buyer, roles: ['buyer', 'procuringEntity'] }],
    buyer,
    tender: tenderSection(d),
  };
  return packageOf(d, p, 'tender', release, date);
}

/** The award stage: one award per lot decided, with the co-ops that hold its contracts. Null before the council decides. */
export function awardReleasePackage(d: TenderDossier, p: OcdsPublication): OcdsReleasePackage | null {
  if (d.awards.length === 0) return null;
  const date = lastChange(d);
  const buyer = buyerOf(d);
  const lots = new Map(d.lots.map((l) => [l.id, l]));
  const suppliers = [...new Map(d.contracts.map((c) => [c.coopId, c.coopName])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const final = d.tender.stage === 'awarded';
  const awards = d.awards
    .map((a) => ({ award: a, lot: lots.get(a.lotId)! }))
    .sort((x, y) => compareReferences(x.lot.reference, y.lot.reference))
    .map(({ award, lot }) => {
      const contracts = d.contracts.filter((c) => c.lotId === lot.id);
      const weekly = contracts.reduce((s, c) => s + c.hoursPerWeek * c.pricePencePerHour, 0);
      return {
        id: `${lot.id}-award`,
        title: `Lot ${lot.reference}: ${award.outcome === 'lost' ? 'not awarded to the consortium' : award.outcome === 'whole' ? 'awarded in full' : `${award.awardedHoursPerWeek} of ${lot.hoursPerWeek} hours a week awarded`}`,
        // awardStatus codelist: `active` for hours the council awarded to the consortium, `pending`
        // while the standstill holds them ("not yet in force ... due to a cooling off period"); for a
        // lot it lost, `unsuccessful`, which here means "the consortium's bid for this lot was not
        // successful" (the council may have awarded it to someone else, whom this hub does not publish).
        status: award.outcome === 'lost' ? 'unsuccessful' : final ? 'active' : 'pending',
        date: new Date(award.decidedAt).toISOString(),
        ...(award.outcome === 'lost'
          ? {}
          : {
              value: gbp(contracts.reduce((s, c) => s + overPeriod(c.hoursPerWeek, c.pricePencePerHour, c.startsOn, c.endsOn), 0)),
              suppliers: contracts.map((c) => ({ id: c.coopId, name: c.coopName })),
              items: [
                itemOf(
                  lot,
                  award.awardedHoursPerWeek,
                  award.awardedHoursPerWeek ? Math.round(weekly / award.awardedHoursPerWeek) : lot.ceilingPencePerHour,
                ),
              ],
              contractPeriod: { startDate: `${lot.startsOn}T00:00:00Z`, endDate: `${lot.endsOn}T23:59:59Z` },
            }),
        relatedLots: [lot.id],
      };
    });
  const release = {
    ocid: `${p.ocidPrefix ?? DEFAULT_OCID_PREFIX}-${d.tender.id}`,
    id: `${d.tender.id}-award-${date.getTime()}`,
    date: date.toISOString(),
    tag: final ? ['award', 'contract'] : ['award'],
    initiationType: 'tender',
    language: 'en',
    parties: [
      { ...buyer, roles: ['buyer', 'procuringEntity'] },
      ...suppliers.map(([id, name]) => ({ id, name, roles: ['supplier', 'tenderer'] })),
    ],
    buyer,
    tender: tenderSection(d),
    awards,
    contracts: contractsOf(d, lots, final),
  };
  return packageOf(d, p, 'award', release, date);
}

/**
 * One contract per co-op and lot: `pending` while the standstill (or a challenge) holds it, `active`
 * once final and sent to the co-op. Its period is the lot's contract dates.
 */
function contractsOf(d: TenderDossier, lots: Map<string, LotRow>, final: boolean) {
  return d.contracts
    .map((c) => ({ c, lot: lots.get(c.lotId)! }))
    .sort((x, y) => compareReferences(x.lot.reference, y.lot.reference) || (x.c.coopId < y.c.coopId ? -1 : 1))
    .map(({ c, lot }) => ({
      id: c.id,
      awardID: `${lot.id}-award`,
      title: `Lot ${lot.reference}: ${c.hoursPerWeek} hours a week, ${c.coopName}`,
      status: final && c.releasedAt ? 'active' : 'pending',
      period: { startDate: `${c.startsOn}T00:00:00Z`, endDate: `${c.endsOn}T23:59:59Z` },
      value: gbp(overPeriod(c.hoursPerWeek, c.pricePencePerHour, c.startsOn, c.endsOn)),
    }));
}
