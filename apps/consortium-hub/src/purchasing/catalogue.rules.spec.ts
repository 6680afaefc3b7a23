import { priceBreakProblems } from './catalogue.rules';

describe('price-break schedules', () => {
  it('accepts breaks at rising quantities with falling prices, all below the solo price', () => {
    expect(
      priceBreakProblems(650, [
        { minQuantity: 10, unitPricePence: 599 },
        { minQuantity: 30, unitPricePence: 549 },
      ]),
    ).toEqual([]);
    expect(priceBreakProblems(650, [])).toEqual([]);
  });

  it('refuses a break no cheaper than buying alone, naming it', () => {
    expect(priceBreakProblems(650, [{ minQuantity: 10, unitPricePence: 650 }])).toEqual([
      { rule: 'PURCHASING.PRICE_BREAKS', message: 'priceBreaks[0].unitPricePence (650) must be below soloUnitPricePence (650)' },
    ]);
  });

  it('refuses breaks out of order or a larger quantity that is not cheaper', () => {
    expect(
      priceBreakProblems(650, [
        { minQuantity: 30, unitPricePence: 549 },
        { minQuantity: 10, unitPricePence: 599 },
      ]).map((p) => p.message),
    ).toEqual(['priceBreaks[1].minQuantity (10) must be larger than priceBreaks[0].minQuantity (30)']);
    expect(
      priceBreakProblems(650, [
        { minQuantity: 10, unitPricePence: 549 },
        { minQuantity: 30, unitPricePence: 549 },
      ]).map((p) => p.message),
    ).toEqual(['priceBreaks[1].unitPricePence (549) must be below priceBreaks[0].unitPricePence (549)']);
  });
});
