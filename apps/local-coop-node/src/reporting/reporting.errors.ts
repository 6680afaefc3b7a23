import { DomainError } from '@app/platform';

export const ReportingErrors = {
  periodNotStarted: (label: string, start: string) =>
    new DomainError('REPORTING.PERIOD_NOT_STARTED', `period ${label} starts on ${start}, after today: there is nothing to report for it yet`, 'invalid'),
};
