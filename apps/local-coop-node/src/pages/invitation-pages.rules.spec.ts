import {
  answeredRound,
  answeredTender,
  commitmentField,
  monthStart,
  notWholeNumber,
  offerBody,
  offerMessages,
  offerRefusal,
  placeOfferErrors,
  questionsOpen,
} from './invitation-pages.rules';

const LOT_A = '11111111-1111-4111-8111-111111111111';
const LOT_B = '22222222-2222-4222-8222-222222222222';

describe('the offer form', () => {
  it('turns the rows of lots into the API body, leaving out a lot left blank', () => {
    const form = {
      _csrf: 't',
      'offers.0.lotId': LOT_A,
      'offers.0.hoursPerWeek': ' ',
      'offers.0.pricePencePerHour': '',
      'offers.1.lotId': LOT_B,
      'offers.1.hoursPerWeek': '30',
      'offers.1.pricePencePerHour': '2400',
      totalHoursPerWeek: '',
    };
    expect(offerBody(form)).toEqual({
      body: { _csrf: 't', totalHoursPerWeek: '', offers: [{ lotId: LOT_B, hoursPerWeek: '30', pricePencePerHour: '2400' }] },
      positions: [1],
    });
  });

  it('keeps a row with only one of hours and price, for the DTO to ask for the other', () => {
    const { body } = offerBody({ 'offers.0.lotId': LOT_A, 'offers.0.pricePencePerHour': '2400' });
    expect(body.offers).toEqual([{ lotId: LOT_A, pricePencePerHour: '2400' }]);
  });

  it('passes a field it does not know through, so the DTO refuses it', () => {
    expect(offerBody({ 'offers.0.colour': 'red', other: 'x' }).body).toEqual({ 'offers.0.colour': 'red', other: 'x', offers: [] });
  });

  it('places an error on the n-th offer made beside the fields of its row, named by the lot', () => {
    const errors = [
      { field: 'offers.0.hoursPerWeek', text: 'Enter hours a week as a whole number' },
      { field: 'totalHoursPerWeek', text: 'Enter a total' },
    ];
    expect(placeOfferErrors(errors, [2], ['1', '2', '3'])).toEqual([
      { field: 'offers.2.hoursPerWeek', text: 'Lot 3: enter hours a week as a whole number' },
      { field: 'totalHoursPerWeek', text: 'Enter a total' },
    ]);
  });

  it('tells a value that is not a whole number so, whichever rule the DTO found broken first', () => {
    const errors = [{ field: 'offers.0.hoursPerWeek', text: 'Enter fewer hours a week' }];
    expect(placeOfferErrors(errors, [0], ['1'], { 'offers.0.hoursPerWeek': 'thirty' })).toEqual([
      { field: 'offers.0.hoursPerWeek', text: 'Lot 1: enter hours a week as a whole number' },
    ]);
    expect(placeOfferErrors(errors, [0], ['1'], { 'offers.0.hoursPerWeek': '20000' })[0].text).toBe('Lot 1: enter fewer hours a week');
    expect([notWholeNumber('2.5'), notWholeNumber(' 12 '), notWholeNumber(''), notWholeNumber('-3')]).toEqual([true, false, false, false]);
  });

  it('words the errors of every offer made, and asks for one when none is', () => {
    const messages = offerMessages(2);
    expect(Object.keys(messages)).toEqual(
      expect.arrayContaining(['offers.0.hoursPerWeek', 'offers.1.pricePencePerHour', 'totalHoursPerWeek', 'offers']),
    );
    expect(messages.offers.arrayMinSize).toBe('Enter hours and a price for at least one lot');
  });

  it("places the use case's refusals beside the field of the lot they name", () => {
    const lot = { position: 1, reference: '1.2', hoursPerWeek: 25, ceilingPencePerHour: 2500 };
    expect(offerRefusal('TENDERING.ABOVE_CEILING', 'pricePencePerHour 2600 is above', lot)).toEqual({
      field: 'offers.1.pricePencePerHour',
      text: "Lot 1.2: enter a price of at most £25.00 an hour (2500 pence), the lot's ceiling",
    });
    expect(offerRefusal('TENDERING.MORE_THAN_LOT', 'too many', lot)).toEqual({
      field: 'offers.1.hoursPerWeek',
      text: 'Lot 1.2: enter at most 25 hours a week, what the lot asks for',
    });
    expect(offerRefusal('TENDERING.TOTAL_NEEDED', 'state a total', undefined)).toEqual({
      field: 'totalHoursPerWeek',
      text: 'State a total.',
    });
    expect(offerRefusal('TENDERING.AFTER_DEADLINE', 'offers closed at 2026-12-04T10:00:00.000Z', undefined)).toEqual({
      field: 'offers',
      text: 'Offers closed at 2026-12-04T10:00:00.000Z.',
    });
  });
});

describe('the commitment form', () => {
  it("puts an error beside the item's quantity, or beside the items when the item is not recognised", () => {
    expect(commitmentField('quantity', LOT_A)).toBe(`quantity-${LOT_A}`);
    expect(commitmentField('itemId', LOT_A)).toBe('items');
    expect(commitmentField('quantity', 'not-an-id')).toBe('items');
  });
});

describe('whether the co-op answered', () => {
  it('counts a round answered once a commitment was sent that the hub has not refused', () => {
    expect(answeredRound({ items: [{ commitments: [] }] })).toBe(false);
    expect(answeredRound({ items: [{ commitments: [{ status: 'rejected' }] }] })).toBe(false);
    expect(answeredRound({ items: [{ commitments: [] }, { commitments: [{ status: 'pending' }] }] })).toBe(true);
  });

  it('counts a tender answered once an offer was sent on one of its lots', () => {
    expect(answeredTender({ lots: [{ lastOffer: null }] })).toBe(false);
    expect(answeredTender({ lots: [{ lastOffer: null }, { lastOffer: { hubAnswer: 'awaited' } }] })).toBe(true);
  });

  it('shows the contracts of the month so far', () => {
    expect(monthStart('2026-12-04')).toBe('2026-12-01');
  });
});

describe('the question form on a tender page', () => {
  const period = { startDate: null, endDate: '2027-01-08T12:00:00.000Z' };
  it('shows while the enquiry period is open, and not on a cancelled tender or one with no period', () => {
    expect(questionsOpen({ status: 'open', enquiryPeriod: period }, new Date('2027-01-08T11:59:59Z'))).toBe(true);
    expect(questionsOpen({ status: 'open', enquiryPeriod: period }, new Date('2027-01-08T12:00:00Z'))).toBe(false);
    expect(
      questionsOpen({ status: 'open', enquiryPeriod: { ...period, startDate: '2027-01-05T00:00:00Z' } }, new Date('2027-01-04T00:00:00Z')),
    ).toBe(false);
    expect(questionsOpen({ status: 'cancelled', enquiryPeriod: period }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
    expect(questionsOpen({ status: 'open', enquiryPeriod: null }, new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });
});
