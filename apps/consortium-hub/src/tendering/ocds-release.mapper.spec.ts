import { awardReleasePackage, DEFAULT_OCID_PREFIX, ENQUIRY_EXTENSION, LOTS_EXTENSION, tenderReleasePackage } from './ocds-release.mapper';
import type { TenderDossier } from './tender.queries';

const created = new Date('2026-11-01T09:00:00Z');
const lot = (id: string, reference: string, status: 'open' | 'split' = 'open') => ({
  id,
  tenderId: 't1',
  reference,
  title: `Home care ${reference}`,
  locality: 'Marsden',
  serviceType: 'personal-care' as const,
  hoursPerWeek: 14,
  ceilingPencePerHour: 2500,
  startsOn: '2027-04-01',
  endsOn: '2027-04-14',
  parentLotId: null,
  status,
  version: 1,
  changedAt: created,
  deadline: null,
  offersClosedAt: null,
});

function dossier(overrides: Partial<TenderDossier['tender']> = {}, rest: Partial<TenderDossier> = {}): TenderDossier {
  return {
    tender: {
      id: 't1',
      title: 'Home care',
      buyer: 'Kirklees Council',
      description: null,
      deadline: new Date('2026-12-01T12:00:00Z'),
      stage: 'inviting',
      invitedAt: new Date('2026-11-02T09:00:00Z'),
      offersClosedAt: null,
      assembledAt: null,
      submittedAt: null,
      decidedAt: null,
      cancelledAt: null,
      cancelReason: null,
      createdBy: 'staff',
      createdAt: created,
      updatedAt: created,
      enquiryStartsAt: null,
      enquiryEndsAt: null,
      enquiriesClosedAt: null,
      standstillEndsAt: null,
      standstillLastDay: null,
      finalAt: null,
      ...overrides,
    },
    lots: [lot('l1', '1'), lot('l0', '0', 'split')],
    allocations: [],
    awards: [],
    contracts: [],
    enquiries: [],
    invitedCoops: [],
    ...rest,
  };
}

/** The parts of a release package these tests read: the mapper answers plain OCDS JSON. */
interface ReleasePackageView {
  releases: {
    tag: string[];
    tender: {
      lots: unknown[];
      items: unknown[];
      tenderPeriod: unknown;
      enquiryPeriod?: unknown;
      awardPeriod?: unknown;
      hasEnquiries: boolean;
      enquiries?: unknown[];
    };
    awards: unknown[];
    contracts: unknown[];
    parties: { id: string; roles: string[] }[];
  }[];
}

const publication = { baseUri: 'https://hub.example.coop/', publisherName: 'Example consortium' };

describe('OCDS release packages', () => {
  it('publishes the tender stage with its open lots, money in pounds, and the lots extension declared', () => {
    const pkg = tenderReleasePackage(dossier(), publication) as ReleasePackageView;
    expect(pkg).toMatchObject({
      uri: 'https://hub.example.coop/tenders/t1/ocds/tender',
      version: '1.1',
      extensions: [LOTS_EXTENSION, ENQUIRY_EXTENSION],
      publisher: { name: 'Example consortium' },
    });
    const release = pkg.releases[0];
    expect(release).toMatchObject({
      ocid: `${DEFAULT_OCID_PREFIX}-t1`,
      tag: ['tender'],
      initiationType: 'tender',
      buyer: { id: 'buyer-kirklees-council', name: 'Kirklees Council' },
    });
    // 14 hours a week for two weeks at £25 an hour.
    expect(release.tender.lots).toEqual([expect.objectContaining({ id: 'l1', status: 'active', value: { amount: 700, currency: 'GBP' } })]);
    expect(release.tender.items[0]).toMatchObject({
      quantity: 14,
      relatedLot: 'l1',
      unit: { id: 'HUR', value: { amount: 25, currency: 'GBP' } },
    });
    expect(release.tender.tenderPeriod).toEqual({ startDate: '2026-11-02T09:00:00.000Z', endDate: '2026-12-01T12:00:00.000Z' });
    expect(release.tender).toMatchObject({ hasEnquiries: false });
    expect(release.tender).not.toHaveProperty('enquiryPeriod');
    expect(release.tender).not.toHaveProperty('awardPeriod');
  });

  it('shows the enquiry period, from the invitation unless it starts later, and whether questions were asked', () => {
    const enquiryEndsAt = new Date('2026-11-20T12:00:00Z');
    const asked = {
      id: 'e1',
      lotId: null,
      coopId: 'colne-valley',
      sharedWith: [],
      question: 'Can visits be shared?',
      askedAt: created,
      answer: null,
      answeredAt: null,
    };
    const release = (tenderReleasePackage(dossier({ enquiryEndsAt }, { enquiries: [asked] }), publication) as ReleasePackageView)
      .releases[0];
    expect(release.tender).toMatchObject({
      enquiryPeriod: { startDate: '2026-11-02T09:00:00.000Z', endDate: '2026-11-20T12:00:00.000Z' },
      hasEnquiries: true,
    });
    // A question not yet answered is counted, not published.
    expect(release.tender).not.toHaveProperty('enquiries');
    // Never who asked: no co-op is named in the tender section.
    expect(JSON.stringify(release.tender)).not.toContain('colne-valley');
  });

  it('publishes each question answered with its answer and lot, as every invited co-op got it, a new release once answered', () => {
    const enquiryEndsAt = new Date('2026-11-20T12:00:00Z');
    const answeredAt = new Date('2026-11-10T15:00:00Z');
    const answered = {
      id: 'e2',
      lotId: 'l1',
      coopId: 'holme-valley',
      sharedWith: ['colne-valley', 'holme-valley'],
      question: 'May visits be two shorter ones?',
      askedAt: new Date('2026-11-09T10:00:00Z'),
      answer: 'Yes, if the weekly hours are met.',
      answeredAt,
    };
    // About lot 0, split since: the release lists only open lots, so it names none.
    const aboutSplit = { ...answered, id: 'e3', lotId: 'l0', askedAt: new Date('2026-11-03T10:00:00Z') };
    const pkg = tenderReleasePackage(
      dossier({ enquiryEndsAt }, { enquiries: [answered, aboutSplit] }),
      publication,
    ) as ReleasePackageView & {
      releases: { date: string }[];
    };
    const release = pkg.releases[0];
    expect(release.tender.enquiries).toEqual([
      {
        id: 'e2',
        date: '2026-11-09T10:00:00.000Z',
        description: 'May visits be two shorter ones?',
        answer: 'Yes, if the weekly hours are met.',
        dateAnswered: '2026-11-10T15:00:00.000Z',
        relatedLot: 'l1',
      },
      {
        id: 'e3',
        date: '2026-11-03T10:00:00.000Z',
        description: 'May visits be two shorter ones?',
        answer: 'Yes, if the weekly hours are met.',
        dateAnswered: '2026-11-10T15:00:00.000Z',
      },
    ]);
    expect(release.date).toBe('2026-11-10T15:00:00.000Z');
    expect(JSON.stringify(release.tender)).not.toContain('holme-valley');
  });

  it('tags a cancelled tender as a cancellation', () => {
    const release = (
      tenderReleasePackage(
        dossier({ stage: 'cancelled', cancelledAt: new Date('2026-11-20T00:00:00Z') }),
        publication,
      ) as ReleasePackageView
    ).releases[0];
    expect(release).toMatchObject({ tag: ['tenderCancellation'], date: '2026-11-20T00:00:00.000Z', tender: { status: 'cancelled' } });
  });

  it('has no award stage before the council decides, and one award per lot after, the winners as suppliers', () => {
    expect(awardReleasePackage(dossier(), publication)).toBeNull();
    const decided = dossier(
      { stage: 'awarded', decidedAt: new Date('2026-12-20T00:00:00Z') },
      {
        awards: [{ lotId: 'l1', outcome: 'partial', awardedHoursPerWeek: 7, decidedAt: new Date('2026-12-20T00:00:00Z') }],
        contracts: [
          {
            id: 'k1',
            lotId: 'l1',
            coopId: 'colne-valley',
            coopName: 'Co-operative Care Colne Valley',
            hoursPerWeek: 7,
            pricePencePerHour: 2400,
            startsOn: '2027-04-01',
            endsOn: '2027-04-14',
            createdAt: new Date(),
            releasedAt: new Date('2027-01-06T00:00:00Z'),
          },
        ],
      },
    );
    const release = (awardReleasePackage(decided, publication) as ReleasePackageView).releases[0];
    expect(release.tag).toEqual(['award', 'contract']);
    expect(release.contracts).toEqual([
      expect.objectContaining({
        id: 'k1',
        awardID: 'l1-award',
        status: 'active',
        period: { startDate: '2027-04-01T00:00:00Z', endDate: '2027-04-14T23:59:59Z' },
      }),
    ]);
    expect(release.awards).toEqual([
      expect.objectContaining({
        id: 'l1-award',
        status: 'active',
        relatedLots: ['l1'],
        value: { amount: 336, currency: 'GBP' },
        suppliers: [{ id: 'colne-valley', name: 'Co-operative Care Colne Valley' }],
      }),
    ]);
    expect(release.parties.map((p) => [p.id, p.roles])).toEqual([
      ['buyer-kirklees-council', ['buyer', 'procuringEntity']],
      ['colne-valley', ['supplier', 'tenderer']],
    ]);
  });

  it('shows an award in its standstill as pending, with the standstill as its award period, and its contracts pending', () => {
    const decidedAt = new Date('2027-03-24T10:00:00Z');
    const standstillEndsAt = new Date('2027-04-06T23:00:00Z');
    const held = dossier(
      { stage: 'standstill', decidedAt, standstillEndsAt, standstillLastDay: '2027-04-06' },
      {
        awards: [{ lotId: 'l1', outcome: 'whole', awardedHoursPerWeek: 14, decidedAt }],
        contracts: [
          {
            id: 'k1',
            lotId: 'l1',
            coopId: 'colne-valley',
            coopName: 'Co-operative Care Colne Valley',
            hoursPerWeek: 14,
            pricePencePerHour: 2400,
            startsOn: '2027-04-01',
            endsOn: '2027-04-14',
            createdAt: decidedAt,
            releasedAt: null,
          },
        ],
      },
    );
    const release = (awardReleasePackage(held, publication) as ReleasePackageView).releases[0];
    expect(release.tag).toEqual(['award']);
    expect(release.awards).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(release.contracts).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(release.tender).toMatchObject({
      status: 'active',
      awardPeriod: { startDate: '2027-03-24T10:00:00.000Z', endDate: '2027-04-06T23:00:00.000Z' },
    });
  });
});
