import { Injectable } from '@nestjs/common';

import { OnboardingStage } from '@app/contracts';
import { DomainError, Principal } from '@app/platform';
import { checkForm, FieldError } from '@app/web';

import { CloseStage, CloseStageDto, IssueJoinToken, JoinTokenIssuedView, ReopenStage, ReopenStageDto } from '../onboarding';
import { CLOSE_MESSAGES, closeStageBody, journeyRefusal, REOPEN_MESSAGES, reopenStageBody } from './journey-pages.rules';

export type JourneyFormResult = { done: true } | { errors: FieldError[] };

/**
 * A journey's stage closed or reopened, or a join token issued, from the staff's page: the form checked
 * by the API's own DTO (the same as POST /onboarding/journeys/:id/stages/:stage/close and /reopen), then
 * the API's own use case. Bad input or a refusal of the journey's rules comes back as errors for the form,
 * with nothing stored changed; a journey that does not exist is the page's 404.
 */
@Injectable()
export class JourneyFromPage {
  constructor(
    private readonly closeStage: CloseStage,
    private readonly reopenStage: ReopenStage,
    private readonly issueJoinToken: IssueJoinToken,
  ) {}

  async close(journeyId: string, stage: OnboardingStage, form: Record<string, unknown>, by: Principal): Promise<JourneyFormResult> {
    const checked = await checkForm(CloseStageDto, closeStageBody(form), CLOSE_MESSAGES);
    if ('errors' in checked) return checked;
    return this.refusals('close', () => this.closeStage.execute(journeyId, stage, checked.dto.evidence, by));
  }

  async reopen(journeyId: string, stage: OnboardingStage, form: Record<string, unknown>, by: Principal): Promise<JourneyFormResult> {
    const checked = await checkForm(ReopenStageDto, reopenStageBody(form), REOPEN_MESSAGES);
    if ('errors' in checked) return checked;
    return this.refusals('reopen', () => this.reopenStage.execute(journeyId, stage, checked.dto.reason, by));
  }

  /** The token as the API answers it, shown this once; the hub keeps only its hash. */
  async issueToken(journeyId: string, by: Principal): Promise<{ issued: JoinTokenIssuedView } | { errors: FieldError[] }> {
    try {
      return { issued: await this.issueJoinToken.execute(journeyId, by) };
    } catch (error) {
      return this.refused(error, 'join');
    }
  }

  private async refusals(form: 'close' | 'reopen', act: () => Promise<void>): Promise<JourneyFormResult> {
    try {
      await act();
      return { done: true };
    } catch (error) {
      return this.refused(error, form);
    }
  }

  private refused(error: unknown, form: 'close' | 'reopen' | 'join'): { errors: FieldError[] } {
    if (!(error instanceof DomainError) || error.kind === 'not-found') throw error;
    return { errors: [journeyRefusal(error, form)] };
  }
}
