import { Injectable } from '@nestjs/common';

import { DomainError, Principal } from '@app/platform';
import { checkForm, ukLocalToInstant } from '@app/web';

import {
  CancelRound,
  CancelRoundDto,
  CloseRound,
  CreateRound,
  CreateRoundDto,
  DeliverRound,
  OpenRound,
  OpenRoundDto,
  OrderRound,
  RoundAction,
} from '../purchasing';
import { listFromField, StepRefusal, stepRefusal } from './procurement-pages.rules';

const MESSAGES = {
  title: 'Enter a title of 2 to 120 characters',
  closesAt: 'Enter the closing time as a date and time (UK time)',
  itemIds: 'Choose at least one item from the catalogue',
  reason: 'Enter a reason of 500 characters or fewer',
};

/**
 * Staff's purchasing forms: each form checked by the API's own DTO (the same rules as POST
 * /purchasing/rounds and its /open, /close, /order, /deliver and /cancel), then the same use case.
 * Bad input (400) or a step the round's state does not allow (409) comes back as an error beside
 * the form, with nothing stored changed: the use cases refuse inside their transaction.
 */
@Injectable()
export class RoundFromPage {
  constructor(
    private readonly createRound: CreateRound,
    private readonly openRound: OpenRound,
    private readonly closeRound: CloseRound,
    private readonly orderRound: OrderRound,
    private readonly deliverRound: DeliverRound,
    private readonly cancelRound: CancelRound,
  ) {}

  /** A new draft from the catalogue. Every registered or trading co-op is invited when it opens (the API's default). */
  async create(form: Record<string, unknown>, by: Principal): Promise<{ id: string } | StepRefusal> {
    const shaped = { ...form, closesAt: ukLocalToInstant(form.closesAt), itemIds: listFromField(form.itemIds) };
    const checked = await checkForm(CreateRoundDto, shaped, MESSAGES);
    if ('errors' in checked) return { status: 400, errors: checked.errors };
    try {
      return { id: (await this.createRound.execute(checked.dto, by)).id };
    } catch (error) {
      // A catalogue item removed while the form was open is the form's business, not a missing page.
      if (error instanceof DomainError && error.code === 'PURCHASING.ITEM_NOT_FOUND')
        return { status: 400, errors: [{ field: 'itemIds', text: `${error.message}: reload the page` }] };
      return refused(error, error instanceof DomainError && error.code === 'PURCHASING.CLOSES_IN_PAST' ? 'closesAt' : 'itemIds');
    }
  }

  /** One step of the round's life; the field of each step's form on the round's page is `step-<action>` (open's own field: `closesAt`). */
  async step(id: string, action: RoundAction, form: Record<string, unknown>, by: Principal): Promise<{ done: RoundAction } | StepRefusal> {
    try {
      switch (action) {
        case 'open': {
          const checked = await checkForm(OpenRoundDto, { ...form, closesAt: ukLocalToInstant(form.closesAt) }, MESSAGES);
          if ('errors' in checked) return { status: 400, errors: checked.errors };
          await this.openRound.execute(id, checked.dto);
          break;
        }
        case 'cancel': {
          const checked = await checkForm(CancelRoundDto, form, MESSAGES);
          if ('errors' in checked) return { status: 400, errors: checked.errors };
          await this.cancelRound.execute(id, checked.dto.reason);
          break;
        }
        case 'close':
          await this.closeRound.execute(id, by.subject);
          break;
        case 'order':
          await this.orderRound.execute(id);
          break;
        case 'deliver':
          await this.deliverRound.execute(id);
          break;
      }
      return { done: action };
    } catch (error) {
      const field =
        action === 'open' && error instanceof DomainError && error.code === 'PURCHASING.CLOSES_IN_PAST' ? 'closesAt' : `step-${action}`;
      return refused(error, field);
    }
  }
}

function refused(error: unknown, field: string): StepRefusal {
  const refusal = error instanceof DomainError ? stepRefusal(error, field) : null;
  if (!refusal) throw error;
  return refusal;
}
