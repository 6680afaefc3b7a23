import { DomainError } from '@app/platform';

export const LiveQuestionErrors = {
  natsUnavailable: () =>
    new DomainError(
      'LIVE_QUESTIONS.NATS_UNAVAILABLE',
      'the hub is not connected to NATS, so no node can be asked; try again shortly',
      'unavailable',
    ),
};
