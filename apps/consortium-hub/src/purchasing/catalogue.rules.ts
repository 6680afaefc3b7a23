import type { PriceBreak } from './allocation.rules';
import type { RoundRuleViolation } from './round-state.rules';

/**
 * A price-break schedule must make sense as a supplier's discount: each break starts at a larger
 * total quantity than the one before and is cheaper per unit, and every break is cheaper than buying
 * alone. (That is also what guarantees nobody's share of a joint order costs more than buying alone.)
 */
export function priceBreakProblems(soloUnitPricePence: number, breaks: readonly PriceBreak[]): RoundRuleViolation[] {
  const problems: RoundRuleViolation[] = [];
  breaks.forEach((b, i) => {
    if (b.unitPricePence >= soloUnitPricePence) {
      problems.push({
        rule: 'PURCHASING.PRICE_BREAKS',
        message: `priceBreaks[${i}].unitPricePence (${b.unitPricePence}) must be below soloUnitPricePence (${soloUnitPricePence})`,
      });
    }
    const before = breaks[i - 1];
    if (!before) return;
    if (b.minQuantity <= before.minQuantity) {
      problems.push({
        rule: 'PURCHASING.PRICE_BREAKS',
        message: `priceBreaks[${i}].minQuantity (${b.minQuantity}) must be larger than priceBreaks[${i - 1}].minQuantity (${before.minQuantity})`,
      });
    } else if (b.unitPricePence >= before.unitPricePence) {
      problems.push({
        rule: 'PURCHASING.PRICE_BREAKS',
        message: `priceBreaks[${i}].unitPricePence (${b.unitPricePence}) must be below priceBreaks[${i - 1}].unitPricePence (${before.unitPricePence})`,
      });
    }
  });
  return problems;
}
