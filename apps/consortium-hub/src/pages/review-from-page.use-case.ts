import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { DomainError } from '@app/platform';
import { FieldError, WebUser } from '@app/web';

import { ApproveReturnDto, ReviewMade, ReviewReturn, SendBackReturnDto } from '../reporting';
import { reviewFormErrors, typedComment } from './cycle-pages.rules';

export type PageReview = { made: ReviewMade } | { errors: FieldError[]; comment: string };

/**
 * A review made from the staff's page: the form checked by the API's own DTO (the same rules as
 * POST /reporting/cycles/:id/coops/:coopId/approval and /send-back), then the same use case. Bad input
 * or a conflict (the return was replaced or already reviewed) comes back as errors for the form, with
 * nothing stored changed.
 */
@Injectable()
export class ReviewFromPage {
  constructor(private readonly reviewReturn: ReviewReturn) {}

  async execute(
    target: { cycleId: string; coopId: string },
    decision: 'approved' | 'sent-back',
    form: Record<string, unknown>,
    by: WebUser,
  ): Promise<PageReview> {
    const comment = typedComment(form.comment);
    const dto =
      decision === 'approved'
        ? plainToInstance(ApproveReturnDto, { messageId: form.messageId })
        : plainToInstance(SendBackReturnDto, { messageId: form.messageId, comment });
    const invalid = await validate(dto, { whitelist: true });
    if (invalid.length > 0) return { errors: reviewFormErrors(invalid, target.coopId, form.comment), comment };
    try {
      return { made: await this.reviewReturn.execute(target, decision, dto, { subject: by.subject, role: by.role }) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.kind === 'not-found') throw error;
      return { errors: [{ field: `messageId-${target.coopId}`, text: `${error.message}: reload the page` }], comment };
    }
  }
}
