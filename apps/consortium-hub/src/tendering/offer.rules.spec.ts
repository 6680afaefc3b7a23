import { judgeOffer, MAX_CLOCK_SKEW_MS, MAX_LATE_DELIVERY_MS, offerRefusal, OfferSituation, OfferTerms } from './offer.rules';

const DEADLINE = new Date('2027-01-15T12:00:00Z');
const at = (offsetMs: number) => new Date(DEADLINE.getTime() + offsetMs);
const MINUTE = 60_000;

function situation(
  overrides: Partial<OfferSituation> = {},
  tender: Partial<OfferSituation['tender']> = {},
  lot: Partial<OfferSituation['lot']> = {},
): OfferSituation {
  return {
    tender: { stage: 'inviting', deadline: DEADLINE, offersClosedAt: null, ...tender },
    lot: {
      reference: '2',
      status: 'open',
      version: 1,
      hoursPerWeek: 80,
      ceilingPencePerHour: 2500,
      replacedBy: [],
      deadline: null,
      ...lot,
    },
    invited: true,
    coopId: 'colne-valley',
    receivedAt: at(-60 * MINUTE),
    ...overrides,
  };
}

const offer = (overrides: Partial<OfferTerms> = {}): OfferTerms => ({
  lotVersion: 1,
  hoursPerWeek: 40,
  pricePencePerHour: 2400,
  occurredAt: at(-61 * MINUTE),
  ...overrides,
});

describe('offers', () => {
  it('takes an offer made before the deadline, at or below the ceiling, on the lot as it stands', () => {
    expect(offerRefusal(situation(), offer())).toBeNull();
    expect(offerRefusal(situation(), offer({ pricePencePerHour: 2500, hoursPerWeek: 80 }))).toBeNull();
  });

  it('refuses an offer above the ceiling, naming the price and the ceiling', () => {
    expect(offerRefusal(situation(), offer({ pricePencePerHour: 2501 }))).toEqual({
      rule: 'TENDERING.ABOVE_CEILING',
      kind: 'invalid',
      message: "pricePencePerHour 2,501p is above lot 2's ceiling of 2,500p an hour",
    });
  });

  it("refuses an offer made at or after the deadline, by the co-op's own signed time", () => {
    const refusal = offerRefusal(situation({ receivedAt: at(MINUTE) }), offer({ occurredAt: DEADLINE }));
    expect(refusal).toMatchObject({ rule: 'TENDERING.AFTER_DEADLINE', kind: 'conflict' });
    expect(refusal!.message).toBe(`the offer was made at ${DEADLINE.toISOString()}, after offers closed at ${DEADLINE.toISOString()}`);
  });

  it("takes a changed offer on a lot until the lot's own deadline, and refuses one after it, naming that deadline", () => {
    const lotDeadline = at(-2 * 60 * MINUTE);
    const early = situation({ receivedAt: at(-3 * 60 * MINUTE) }, {}, { deadline: lotDeadline });
    expect(offerRefusal(early, offer({ occurredAt: at(-3 * 60 * MINUTE - MINUTE) }))).toBeNull();
    const late = situation({ receivedAt: at(-90 * MINUTE) }, {}, { deadline: lotDeadline });
    expect(offerRefusal(late, offer({ occurredAt: at(-90 * MINUTE) }))).toEqual({
      rule: 'TENDERING.AFTER_DEADLINE',
      kind: 'conflict',
      message: `the offer was made at ${at(-90 * MINUTE).toISOString()}, after offers on lot 2 closed at its deadline ${lotDeadline.toISOString()}`,
    });
    // A lot deadline after the tender's counts for nothing: the tender's closes it.
    const after = situation({ receivedAt: at(MINUTE) }, {}, { deadline: at(60 * MINUTE) });
    expect(offerRefusal(after, offer({ occurredAt: at(MINUTE) }))!.message).toContain(`after offers closed at ${DEADLINE.toISOString()}`);
  });

  it('refuses an offer made after staff closed offers by hand, though the deadline is later', () => {
    const closed = at(-2 * 60 * MINUTE);
    expect(
      offerRefusal(situation({}, { stage: 'assembling', offersClosedAt: closed }), offer({ occurredAt: at(-90 * MINUTE) })),
    ).toMatchObject({ rule: 'TENDERING.AFTER_DEADLINE' });
  });

  it('takes an offer made before the deadline that arrives after it (a node back online), while the bid is being assembled', () => {
    expect(
      offerRefusal(situation({ receivedAt: at(3 * 60 * MINUTE) }, { stage: 'assembling', offersClosedAt: DEADLINE }), offer()),
    ).toBeNull();
  });

  it('refuses an offer that arrives more than the late-delivery limit after the close', () => {
    const late = situation({ receivedAt: at(MAX_LATE_DELIVERY_MS + 1) }, { stage: 'assembling', offersClosedAt: DEADLINE });
    expect(offerRefusal(late, offer())).toMatchObject({
      rule: 'TENDERING.AFTER_DEADLINE',
      message: expect.stringContaining('more than 24 hours after offers closed'),
    });
  });

  it('refuses a late offer once the bid is submitted, however early it was made', () => {
    expect(offerRefusal(situation({ receivedAt: at(MINUTE) }, { stage: 'submitted', offersClosedAt: DEADLINE }), offer())).toMatchObject({
      rule: 'TENDERING.BID_SUBMITTED',
    });
  });

  it('refuses an offer dated further ahead of the hub than the clock-skew limit, and takes one just inside it', () => {
    const receivedAt = at(-120 * MINUTE);
    expect(
      offerRefusal(situation({ receivedAt }), offer({ occurredAt: new Date(receivedAt.getTime() + MAX_CLOCK_SKEW_MS + 1) })),
    ).toMatchObject({
      rule: 'TENDERING.CLOCK_SKEW',
      kind: 'invalid',
      message: expect.stringMatching(/ahead of the receiver's clock .*: check the node's clock$/),
    });
    expect(offerRefusal(situation({ receivedAt }), offer({ occurredAt: new Date(receivedAt.getTime() + MAX_CLOCK_SKEW_MS) }))).toBeNull();
  });

  it('refuses a co-op that was not invited to the lot, and any offer on a draft', () => {
    expect(offerRefusal(situation({ invited: false }), offer())).toMatchObject({
      rule: 'TENDERING.NOT_INVITED',
      kind: 'forbidden',
      message: 'co-op colne-valley is not invited to lot 2',
    });
    expect(offerRefusal(situation({}, { stage: 'draft' }), offer())).toMatchObject({ rule: 'TENDERING.NOT_INVITED' });
  });

  it('refuses an offer on terms that have since changed, and on a lot that was split', () => {
    expect(offerRefusal(situation({}, {}, { version: 2 }), offer())).toMatchObject({
      rule: 'TENDERING.LOT_CHANGED',
      message: expect.stringContaining('now version 2'),
    });
    expect(offerRefusal(situation({}, {}, { status: 'split', replacedBy: ['2.1', '2.2'] }), offer())).toMatchObject({
      rule: 'TENDERING.LOT_CHANGED',
      message: 'lot 2 was split into 2.1, 2.2: offer on the new lots',
    });
  });

  it('refuses more hours than the lot asks for, and a cancelled tender', () => {
    expect(offerRefusal(situation(), offer({ hoursPerWeek: 81 }))).toMatchObject({ rule: 'TENDERING.MORE_THAN_LOT' });
    expect(offerRefusal(situation({}, { stage: 'cancelled' }), offer())).toMatchObject({ rule: 'TENDERING.TENDER_CANCELLED' });
  });

  it('lets a co-op withdraw (0 hours) before the deadline whatever price it names, but not after', () => {
    expect(offerRefusal(situation(), offer({ hoursPerWeek: 0, pricePencePerHour: 9999 }))).toBeNull();
    expect(offerRefusal(situation({ receivedAt: at(MINUTE) }), offer({ hoursPerWeek: 0, occurredAt: at(1) }))).toMatchObject({
      rule: 'TENDERING.AFTER_DEADLINE',
    });
  });

  it('takes an offer that arrived before the deadline though a fast clock stamped it after, and counts it as made on arrival', () => {
    // The node's clock runs 3 minutes fast: made (and received) a minute before the deadline, stamped 2 minutes after.
    const receivedAt = at(-MINUTE);
    const judged = judgeOffer(situation({ receivedAt }), offer({ occurredAt: at(2 * MINUTE).toISOString() }));
    expect(judged).toEqual({ counts: true, madeAt: receivedAt });
  });

  it('does not store a future time: an offer stamped ahead of the hub counts as made when it arrived', () => {
    const receivedAt = at(-120 * MINUTE);
    expect(judgeOffer(situation({ receivedAt }), offer({ occurredAt: new Date(receivedAt.getTime() + 60_000) }))).toEqual({
      counts: true,
      madeAt: receivedAt,
    });
    expect(judgeOffer(situation({ receivedAt }), offer({ occurredAt: at(-150 * MINUTE) }))).toEqual({
      counts: true,
      madeAt: at(-150 * MINUTE),
    });
  });

  it('still refuses an offer stamped after the deadline that also arrived after it, fast clock or not', () => {
    expect(offerRefusal(situation({ receivedAt: at(10_000) }), offer({ occurredAt: at(2 * MINUTE) }))).toMatchObject({
      rule: 'TENDERING.AFTER_DEADLINE',
      message: `the offer was made at ${at(10_000).toISOString()}, after offers closed at ${DEADLINE.toISOString()}`,
    });
  });

  it('takes one made before the close that arrives exactly at the end of the late-delivery limit, and refuses a backdated one arriving later', () => {
    const closed = { stage: 'assembling' as const, offersClosedAt: DEADLINE };
    expect(offerRefusal(situation({ receivedAt: at(MAX_LATE_DELIVERY_MS) }, closed), offer())).toBeNull();
    expect(
      offerRefusal(situation({ receivedAt: at(MAX_LATE_DELIVERY_MS + 1) }, closed), offer({ occurredAt: at(-7 * 24 * 60 * MINUTE) })),
    ).toMatchObject({ rule: 'TENDERING.AFTER_DEADLINE' });
  });
});
