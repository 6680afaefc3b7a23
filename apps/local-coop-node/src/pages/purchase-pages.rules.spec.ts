import { localSharePercent, poundsToPence, purchaseFormToBody } from './purchase-pages.rules';

describe('purchase pages rules', () => {
  describe('poundsToPence', () => {
    it.each([
      ['125.50', 12_550],
      ['125.5', 12_550],
      ['£12', 1_200],
      ['0.07', 7],
      ['0.29', 29],
      ['1,250.99', 125_099],
      [' £1 000 000 000.00 ', 100_000_000_000],
      ['9999999999999.99', 999_999_999_999_999],
    ])('reads %j as %d pence exactly', (typed, pence) => {
      expect(poundsToPence(typed)).toBe(pence);
    });

    it.each(['', '12.345', '-5', '12p', 'ten', '1,25.00', '.50', '12.', '10000000000000', undefined, 12])('refuses %j', (typed) => {
      expect(poundsToPence(typed)).toBeNull();
    });
  });

  describe('purchaseFormToBody', () => {
    const form = { supplier: 'Marsden Hardware', description: 'Grab rails', boughtOn: '2026-05-12', _csrf: 't' };

    it('turns pounds into pence and a locality chosen into localTo', () => {
      expect(purchaseFormToBody({ ...form, amount: '0.07', localTo: 'Marsden' })).toEqual({ ...form, amountPence: 7, localTo: 'Marsden' });
    });

    it('leaves localTo out for not local, and amountPence out when the amount cannot be read', () => {
      expect(purchaseFormToBody({ ...form, amount: '12.345', localTo: '' })).toEqual(form);
    });
  });

  describe('localSharePercent', () => {
    it('is the local part of the spend to one decimal place', () => {
      expect(localSharePercent({ recorded: true, localPence: 1, totalPence: 3 })).toBe(33.3);
      expect(localSharePercent({ recorded: true, localPence: 12_550, totalPence: 12_550 })).toBe(100);
    });

    it('is null with nothing spent in the quarter, or nothing ever recorded', () => {
      expect(localSharePercent({ recorded: true, localPence: 0, totalPence: 0 })).toBeNull();
      expect(localSharePercent({ recorded: false, localPence: 0, totalPence: 0 })).toBeNull();
    });
  });
});
