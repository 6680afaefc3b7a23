import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CatalogueQueries } from './catalogue.queries';
import { priceBreakProblems } from './catalogue.rules';
import { CatalogueItemView, UpdateCatalogueItemDto } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';

/**
 * Changes an item. Rounds already open keep the prices they opened with (co-ops committed to those);
 * drafts take the new ones when they open.
 */
@Injectable()
export class UpdateCatalogueItem {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueQueries,
  ) {}

  async execute(id: string, dto: UpdateCatalogueItemDto): Promise<CatalogueItemView> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query('SELECT id FROM catalogue_item WHERE id = $1 FOR UPDATE', [id]);
      if (!locked) throw PurchasingErrors.itemNotFound(id);
      const current = await this.catalogue.get(id, m);
      const next = {
        name: dto.name ?? current.name,
        supplier: dto.supplier ?? current.supplier,
        unit: dto.unit ?? current.unit,
        soloUnitPricePence: dto.soloUnitPricePence ?? current.soloUnitPricePence,
        orderChargePence: dto.orderChargePence ?? current.orderChargePence,
        priceBreaks: (dto.priceBreaks ?? current.priceBreaks).map((b) => ({
          minQuantity: b.minQuantity,
          unitPricePence: b.unitPricePence,
        })),
        localTo: dto.localTo ?? current.localTo,
      };
      const problems = priceBreakProblems(next.soloUnitPricePence, next.priceBreaks);
      if (problems.length) throw PurchasingErrors.priceBreaks(problems);
      await m.query(
        `UPDATE catalogue_item SET name = $2, supplier = $3, unit = $4, solo_unit_price_pence = $5, order_charge_pence = $6, price_breaks = $7, local_to = $8, updated_at = now()
          WHERE id = $1`,
        [
          id,
          next.name,
          next.supplier,
          next.unit,
          next.soloUnitPricePence,
          next.orderChargePence,
          JSON.stringify(next.priceBreaks),
          next.localTo,
        ],
      );
      return this.catalogue.get(id, m);
    });
  }
}
