import type { CreateTenderDto, LotDto } from '../../../apps/consortium-hub/src/tendering/tendering.dto';
import { uniqueName } from '../unique';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** One lot of what `POST /tenders` accepts: 40 hours a week of personal care in Marsden for a year, at most £25 an hour. */
export type LotBody = LotDto;

export function aLot(overrides: Partial<LotBody> = {}): LotBody {
  return {
    title: uniqueName('Home care, Marsden'),
    locality: 'Marsden',
    serviceType: 'personal-care',
    hoursPerWeek: 40,
    ceilingPencePerHour: 2500,
    startsOn: day(-14),
    endsOn: day(365),
    ...overrides,
  };
}

/** What `POST /tenders` accepts: a council tender with its deadline ten minutes away and one lot unless given lots. */
export type TenderBody = CreateTenderDto;

export function aTender(overrides: Partial<TenderBody> = {}): TenderBody {
  return {
    title: uniqueName('Home care tender'),
    buyer: 'Kirklees Council',
    deadline: new Date(Date.now() + 10 * 60_000).toISOString(),
    lots: [aLot()],
    ...overrides,
  };
}
