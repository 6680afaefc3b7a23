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

/**
 * A tender run by its dates from `start` (the clock the test sets): questions for three days, lot 1
 * closing a week after the start, the tender a week after that; lot 2 closes with the tender.
 */
export function aTimedTender(start: Date, overrides: Partial<TenderBody> = {}): TenderBody {
  const at = (days: number, hour = 12) => new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10) + `T${hour}:00:00Z`;
  return aTender({
    deadline: at(16),
    enquiryPeriod: { endDate: at(3) },
    lots: [
      aLot({ title: uniqueName('Home care, Marsden mornings'), hoursPerWeek: 40, deadline: at(9) }),
      aLot({ title: uniqueName('Home care, Marsden evenings'), hoursPerWeek: 20 }),
    ],
    ...overrides,
  });
}
