import { Injectable } from '@nestjs/common';

import { DomainError } from '@app/platform';
import { checkForm, FieldError, sentence } from '@app/web';

import { CommitmentSentView, CommitQuantity, CommitQuantityDto } from '../purchasing';
import { commitmentField, notWholeNumber, QUANTITY_WORDS } from './invitation-pages.rules';

export type PageCommitment = { sent: CommitmentSentView } | { errors: FieldError[]; itemId: string; quantity: string };

/**
 * A commitment made from the round's page (one item's form): checked by the API's own DTO (the same
 * rules as `POST /purchasing/rounds/{id}/commitments`), then the same use case. Bad input, or a
 * commitment the use case refuses (the round closed, a line too large), comes back as an error beside
 * the item's quantity, with nothing stored.
 */
@Injectable()
export class CommitmentFromPage {
  constructor(private readonly commitQuantity: CommitQuantity) {}

  async execute(roundId: string, form: Record<string, unknown>): Promise<PageCommitment> {
    const itemId = typeof form.itemId === 'string' ? form.itemId : '';
    const quantity = typeof form.quantity === 'string' ? form.quantity : '';
    const checked = await checkForm(CommitQuantityDto, form, { quantity: QUANTITY_WORDS });
    if ('errors' in checked) {
      const text = (e: FieldError) => (e.field === 'quantity' && notWholeNumber(quantity) ? QUANTITY_WORDS.isInt : e.text);
      return { errors: checked.errors.map((e) => ({ field: commitmentField(e.field, itemId), text: text(e) })), itemId, quantity };
    }
    try {
      return { sent: await this.commitQuantity.execute(roundId, checked.dto.itemId, checked.dto.quantity) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'PURCHASING.ROUND_NOT_FOUND') throw error;
      const field = commitmentField(error.code === 'PURCHASING.ITEM_NOT_IN_ROUND' ? 'itemId' : 'quantity', itemId);
      return { errors: [{ field, text: sentence(error.message) }], itemId, quantity };
    }
  }
}
