import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CatalogueQueries } from './catalogue.queries';
import { priceBreakProblems } from './catalogue.rules';
import { CatalogueItemView, CreateCatalogueItemDto } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';

/** Adds an item to the catalogue, its price breaks checked against its solo price. */
@Injectable()
export class CreateCatalogueItem {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueQueries,
  ) {}

  async execute(dto: CreateCatalogueItemDto): Promise<CatalogueItemView> {
    const breaks = (dto.priceBreaks ?? []).map((b) => ({ minQuantity: b.minQuantity, unitPricePence: b.unitPricePence }));
    const problems = priceBreakProblems(dto.soloUnitPricePence, breaks);
    if (problems.length) throw PurchasingErrors.priceBreaks(problems);
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO catalogue_item (id, name, supplier, unit, solo_unit_price_pence, order_charge_pence, price_breaks, local_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, dto.name, dto.supplier, dto.unit, dto.soloUnitPricePence, dto.orderChargePence ?? 0, JSON.stringify(breaks), dto.localTo ?? []],
    );
    return this.catalogue.get(id);
  }
}
