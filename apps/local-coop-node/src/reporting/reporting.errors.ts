import { DomainError } from '@app/platform';

export const ReportingErrors = {
  periodNotStarted: (label: string, start: string) =>
    new DomainError(
      'REPORTING.PERIOD_NOT_STARTED',
      `period ${label} starts on ${start}, after today: there is nothing to report for it yet`,
      'invalid',
    ),
  unknownDefinition: (id: string, version: number) =>
    new DomainError(
      'REPORTING.UNKNOWN_DEFINITION',
      `the hub asks for ${id} version ${version}, which this node does not know: upgrade the node to submit it`,
      'conflict',
    ),
  periodTypeNotAllowed: (label: string, id: string, version: number) =>
    new DomainError('REPORTING.PERIOD_TYPE_NOT_ALLOWED', `${id} version ${version} is not asked for a period like ${label}`, 'invalid'),
  requestNotFound: (cycleId: string) =>
    new DomainError('REPORTING.REQUEST_NOT_FOUND', `the hub has not asked this co-op for a return in cycle ${cycleId}`, 'not-found'),
  returnInvalid: (problems: string[]) =>
    new DomainError('REPORTING.RETURN_INVALID', `the return does not pass its definition's rules: ${problems.join('; ')}`, 'conflict', {
      problems,
    }),
  reviewOfUnknownReturn: (messageId: string, cycleId: string) =>
    new DomainError(
      'REPORTING.UNKNOWN_RETURN',
      `the hub reviewed return ${messageId}, which this node did not send for cycle ${cycleId}`,
      'not-found',
    ),
};
