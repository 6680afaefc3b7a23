import { randomUUID } from 'node:crypto';

import { findDefinition } from '../catalog';
import { checkAgainst } from '../validation';
import { TenderContractAwardedV1 } from './tender-contract-awarded.v1';
import {
  TenderEnquiryAnsweredV1,
  TenderEnquiryAskedV1,
  TENDERING_ENQUIRY_ANSWERED_V1,
  TENDERING_ENQUIRY_ASKED_V1,
} from './tender-enquiry.v1';
import { TenderInvitationV1 } from './tender-invitation.v1';
import { TENDERING_INVITATION_V2, TenderInvitationV2 } from './tender-invitation.v2';
import { TENDERING_LOT_LOST_V1, TenderLotLostV1 } from './tender-lot-lost.v1';
import { TenderLotWithdrawnV1 } from './tender-lot-withdrawn.v1';
import { TenderOfferMadeV1 } from './tender-offer-made.v1';
import { TENDERING_OFFERS_CLOSED_V1, TenderOffersClosedV1 } from './tender-offers-closed.v1';

const lot = {
  lotId: randomUUID(),
  lotVersion: 1,
  reference: '1.2',
  title: 'Home care, Marsden',
  locality: 'Marsden',
  serviceType: 'personal-care',
  hoursPerWeek: 25,
  ceilingPencePerHour: 2450,
  startsOn: '2027-04-01',
  endsOn: '2029-03-31',
};
const invitation = {
  tenderId: randomUUID(),
  title: 'Care at home',
  buyer: 'Kirklees Council',
  deadline: '2027-01-15T12:00:00Z',
  lots: [lot],
};
const offer = {
  tenderId: randomUUID(),
  lotId: randomUUID(),
  lotVersion: 1,
  hoursPerWeek: 20,
  pricePencePerHour: 2400,
  totalHoursPerWeek: 40,
};
const errorsOf = <T extends object>(cls: new () => T, value: object) => {
  const checked = checkAgainst(cls, value);
  return checked.ok ? [] : checked.errors;
};

describe('tendering messages', () => {
  it('accept well-formed payloads', () => {
    expect(errorsOf(TenderInvitationV1, invitation)).toEqual([]);
    expect(errorsOf(TenderOfferMadeV1, offer)).toEqual([]);
    expect(
      errorsOf(TenderLotWithdrawnV1, {
        tenderId: randomUUID(),
        lotId: randomUUID(),
        lotVersion: 1,
        reason: 'lot-split',
        replacedBy: [randomUUID()],
      }),
    ).toEqual([]);
    const contract = {
      contractId: randomUUID(),
      tenderId: randomUUID(),
      lotId: randomUUID(),
      tenderTitle: 'Care at home',
      buyer: 'Kirklees Council',
      locality: 'Marsden',
      serviceType: 'personal-care',
      hoursPerWeek: 20,
      pricePencePerHour: 2400,
      startsOn: '2027-04-01',
      endsOn: '2029-03-31',
    };
    expect(errorsOf(TenderContractAwardedV1, contract)).toEqual([]);
  });

  it('refuse bad input with a reason naming the field, nested lots included', () => {
    expect(
      errorsOf(TenderInvitationV1, { ...invitation, lots: [{ ...lot, serviceType: 'massage', startsOn: '1 April' }] }).join('\n'),
    ).toMatch(/lots\.0\.serviceType[\s\S]*lots\.0\.startsOn must be a date/);
    expect(errorsOf(TenderOfferMadeV1, { ...offer, pricePencePerHour: 0 })).toEqual(['pricePencePerHour must not be less than 1']);
    expect(errorsOf(TenderOfferMadeV1, { ...offer, hoursPerWeek: 2.5 })).toEqual(['hoursPerWeek must be an integer number']);
    expect(errorsOf(TenderLotWithdrawnV1, { tenderId: randomUUID(), lotId: randomUUID(), lotVersion: 1, reason: 'bored' })[0]).toMatch(
      /^reason must be one of/,
    );
  });

  it('refuse a field the contract does not have, such as a name', () => {
    expect(errorsOf(TenderOfferMadeV1, { ...offer, carerName: 'Ann' })).toEqual(['carerName: property carerName should not exist']);
  });

  it('tell nodes when offers close and which offered lots came to nothing, both in the catalogue hub to node', () => {
    expect(findDefinition('hub-to-coop', 'tendering.offers-closed', 1)).toBe(TENDERING_OFFERS_CLOSED_V1);
    expect(findDefinition('hub-to-coop', 'tendering.lot-lost', 1)).toBe(TENDERING_LOT_LOST_V1);
    expect(findDefinition('coop-to-hub', 'tendering.offers-closed', 1)).toBeUndefined();
    expect(errorsOf(TenderOffersClosedV1, { tenderId: randomUUID(), closedAt: '2027-01-14T09:30:00.000Z' })).toEqual([]);
    expect(errorsOf(TenderOffersClosedV1, { tenderId: randomUUID(), closedAt: 'this morning' })[0]).toMatch(
      /^closedAt must be a valid ISO 8601/,
    );
    expect(errorsOf(TenderLotLostV1, { tenderId: randomUUID(), lotId: randomUUID(), outcome: 'not-allocated' })).toEqual([]);
    expect(errorsOf(TenderLotLostV1, { tenderId: randomUUID(), lotId: randomUUID(), outcome: 'won' })[0]).toMatch(
      /^outcome must be one of/,
    );
  });

  it('carry the timetable in a v2 invitation: each lot its deadline, the enquiry period optional', () => {
    const v2 = { ...invitation, lots: [{ ...lot, deadline: '2027-01-10T12:00:00Z' }], enquiryPeriod: { endDate: '2027-01-08T12:00:00Z' } };
    expect(findDefinition('hub-to-coop', 'tendering.invitation', 2)).toBe(TENDERING_INVITATION_V2);
    expect(errorsOf(TenderInvitationV2, v2)).toEqual([]);
    expect(errorsOf(TenderInvitationV2, { ...v2, enquiryPeriod: undefined })).toEqual([]);
    expect(errorsOf(TenderInvitationV2, { ...v2, lots: [lot] }).join('\n')).toMatch(/lots\.0\.deadline must be a valid ISO 8601/);
    expect(errorsOf(TenderInvitationV2, { ...v2, enquiryPeriod: { endDate: 'Friday' } }).join('\n')).toMatch(/enquiryPeriod\.endDate/);
    // A v1 invitation knows no timetable: an older node refuses the fields it does not have.
    expect(errorsOf(TenderInvitationV1, v2).join('\n')).toMatch(/property enquiryPeriod should not exist/);
  });

  it('carry a question from a node, and its answer to every invited node, never who asked', () => {
    const asked = { tenderId: randomUUID(), enquiryId: randomUUID(), question: 'May visits be split in two?' };
    expect(findDefinition('coop-to-hub', 'tendering.enquiry-asked', 1)).toBe(TENDERING_ENQUIRY_ASKED_V1);
    expect(findDefinition('hub-to-coop', 'tendering.enquiry-answered', 1)).toBe(TENDERING_ENQUIRY_ANSWERED_V1);
    expect(errorsOf(TenderEnquiryAskedV1, { ...asked, lotId: randomUUID() })).toEqual([]);
    expect(errorsOf(TenderEnquiryAskedV1, { ...asked, question: 'Eh?' })).toEqual([
      'question must be longer than or equal to 5 characters',
    ]);
    const answered = { ...asked, answer: 'Yes.', answeredAt: '2027-01-05T10:00:00Z' };
    expect(errorsOf(TenderEnquiryAnsweredV1, answered)).toEqual([]);
    expect(errorsOf(TenderEnquiryAnsweredV1, { ...answered, askedBy: 'colne-valley' })).toEqual([
      'askedBy: property askedBy should not exist',
    ]);
  });
});
