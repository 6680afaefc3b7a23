import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { PriceBreak } from './allocation.rules';
import { CatalogueItemView } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';

interface CatalogueItemRow {
  id: string;
  name: string;
  supplier: string;
  unit: string;
  solo_unit_price_pence: number;
  order_charge_pence: number;
  price_breaks: PriceBreak[];
  local_to: string[];
  created_at: Date;
  updated_at: Date;
}

/** The catalogue as consortium staff see it. */
@Injectable()
export class CatalogueQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<CatalogueItemView[]> {
    const rows: CatalogueItemRow[] = await this.dataSource.query('SELECT * FROM catalogue_item ORDER BY name, supplier, id');
    return rows.map(toView);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<CatalogueItemView> {
    const [row]: CatalogueItemRow[] = await m.query('SELECT * FROM catalogue_item WHERE id = $1', [id]);
    if (!row) throw PurchasingErrors.itemNotFound(id);
    return toView(row);
  }
}

function toView(r: CatalogueItemRow): CatalogueItemView {
  return {
    id: r.id,
    name: r.name,
    supplier: r.supplier,
    unit: r.unit,
    soloUnitPricePence: r.solo_unit_price_pence,
    orderChargePence: r.order_charge_pence,
    priceBreaks: r.price_breaks,
    localTo: r.local_to,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
