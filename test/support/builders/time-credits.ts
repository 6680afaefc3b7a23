import type { PayAcrossCoopsDto } from '../../../apps/local-coop-node/src/volunteering/time-credits-across.dto';

/** What `POST /time-bank/across-coops` accepts: an hour of respite paid to another co-op's payment code. */
export type AcrossCoopsPaymentBody = PayAcrossCoopsDto;

export function aPaymentAcrossCoops(
  fromVolunteerId: string,
  paymentCode: string,
  overrides: Partial<AcrossCoopsPaymentBody> = {},
): AcrossCoopsPaymentBody {
  return { fromVolunteerId, paymentCode, minutes: 60, purpose: 'respite', ...overrides };
}
