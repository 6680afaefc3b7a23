import type { CreateCatalogueItemDto, CreateRoundDto } from '../../../apps/consortium-hub/src/purchasing/purchasing.dto';
import { uniqueName } from '../unique';

/** What `POST /purchasing/catalogue` accepts: an item sold singly at £4, with no price breaks. */
export type CatalogueItemBody = CreateCatalogueItemDto;

export function aCatalogueItem(overrides: Partial<CatalogueItemBody> = {}): CatalogueItemBody {
  return { name: uniqueName('Aprons'), supplier: 'Any Supplier', unit: 'pack of 50', soloUnitPricePence: 400, ...overrides };
}

/** What `POST /purchasing/rounds` accepts: a round of the given items closing in an hour. */
export type RoundBody = CreateRoundDto;

export function aRound(itemIds: string[], overrides: Partial<RoundBody> = {}): RoundBody {
  return { title: uniqueName('Round'), closesAt: new Date(Date.now() + 3_600_000).toISOString(), itemIds, ...overrides };
}
