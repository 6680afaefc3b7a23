import { Injectable } from '@nestjs/common';

import { DomainError, Principal } from '@app/platform';
import { checkForm, FieldError } from '@app/web';

import { BallotView, CastVote, CastVoteDto } from '../governance';
import { VOTE_MESSAGES, voteBody, voteRefusal } from './member-self-pages.rules';

export type PageVote = { voted: true } | { errors: FieldError[]; conflict: boolean };

/**
 * A member's vote from the ballot's page: the form checked by the API's own DTO (the same rules as
 * `POST /ballots/{id}/votes`), then the same use case with the member signed in as the principal. A
 * vote that says nothing, a second vote, or one outside the window comes back as an error, with
 * nothing stored. What the member chose is never kept beyond the tally.
 */
@Injectable()
export class VoteFromPage {
  constructor(private readonly castVote: CastVote) {}

  async execute(principal: Principal, ballot: BallotView, form: Record<string, unknown>): Promise<PageVote> {
    const checked = await checkForm(CastVoteDto, voteBody(form), VOTE_MESSAGES);
    if ('errors' in checked) return { errors: checked.errors, conflict: false };
    try {
      await this.castVote.execute(principal, ballot.id, checked.dto);
      return { voted: true };
    } catch (error) {
      // A ballot the member cannot see is the 404 page, not an error on the form.
      if (!(error instanceof DomainError) || error.kind === 'not-found') throw error;
      return { errors: [voteRefusal(error.code, error.message, ballot.kind)], conflict: error.kind === 'conflict' };
    }
  }
}
