import { Injectable } from '@nestjs/common';

import { DomainError } from '@app/platform';
import { checkForm, FieldError } from '@app/web';

import { InvitationView, SendOffers, SendOffersDto } from '../tendering';
import { offerBody, offerMessages, offerRefusal, placeOfferErrors } from './invitation-pages.rules';

export type PageOffer = { sent: number } | { errors: FieldError[]; conflict: boolean };

/**
 * Offers made from the invitation page: the form checked by the API's own DTO (the same rules as
 * `POST /tendering/invitations/{tenderId}/offers`), then the same use case. Bad input, or an offer the
 * use case refuses (above the ceiling, more hours than the lot, after the deadline), comes back as
 * errors beside the fields, with nothing stored.
 */
@Injectable()
export class OfferFromPage {
  constructor(private readonly sendOffers: SendOffers) {}

  async execute(invitation: InvitationView, form: Record<string, unknown>): Promise<PageOffer> {
    const { body, positions } = offerBody(form);
    const offers = Array.isArray(body.offers) ? body.offers.length : 0;
    const references = invitation.lots.map((l) => l.reference);
    const checked = await checkForm(SendOffersDto, body, offerMessages(offers));
    if ('errors' in checked) return { errors: placeOfferErrors(checked.errors, positions, references, form), conflict: false };
    try {
      return { sent: (await this.sendOffers.execute(invitation.tenderId, checked.dto)).offers.length };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'TENDERING.INVITATION_NOT_FOUND') throw error;
      const position = invitation.lots.findIndex((l) => l.lotId === error.details?.lotId);
      const lot = position >= 0 ? { position, ...invitation.lots[position] } : undefined;
      return { errors: [offerRefusal(error.code, error.message, lot)], conflict: error.kind === 'conflict' };
    }
  }
}
