import { Injectable } from '@nestjs/common';

import { DomainError } from '@app/platform';
import { checkForm, FieldError } from '@app/web';

import { AskEnquiry, AskEnquiryDto } from '../tendering';

export type PageEnquiry = { asked: string } | { errors: FieldError[]; conflict: boolean };

/** How a person reads the DTO's refusals of a question. */
const MESSAGES = { question: 'Enter your question, 5 to 2,000 characters' };

/**
 * A question asked from the tender's page: the form checked by the API's own DTO (as `POST
 * /tendering/invitations/{tenderId}/enquiries`), then the same use case. Bad input, or a question the
 * node refuses (the enquiry period over, not open, none), comes back beside the field, nothing sent.
 */
@Injectable()
export class EnquiryFromPage {
  constructor(private readonly ask: AskEnquiry) {}

  async execute(tenderId: string, form: Record<string, unknown>): Promise<PageEnquiry> {
    const checked = await checkForm(AskEnquiryDto, form, MESSAGES);
    if ('errors' in checked) return { errors: checked.errors, conflict: false };
    try {
      return { asked: (await this.ask.execute(tenderId, checked.dto)).enquiryId };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'TENDERING.INVITATION_NOT_FOUND') throw error;
      const text = error.message.charAt(0).toUpperCase() + error.message.slice(1);
      return { errors: [{ field: 'question', text }], conflict: error.kind === 'conflict' };
    }
  }
}
