import { DomainError } from '@app/platform';

import type { ApplicationProblem } from './application.rules';

export const RecruitmentErrors = {
  signInUnavailable: (setting: string) =>
    new DomainError(
      'RECRUITMENT.SIGN_IN_UNAVAILABLE',
      `candidate sign-in is not available on this hub: ${setting} is not set (docs/recruitment.md)`,
      'unavailable',
      { setting },
    ),
  remindersUnavailable: (setting: string) =>
    new DomainError(
      'RECRUITMENT.REMINDERS_UNAVAILABLE',
      `retention reminders cannot be sent from this hub: ${setting} is not set, so no candidate is reminded or purged (docs/recruitment.md)`,
      'unavailable',
      { setting },
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new DomainError(
      'RECRUITMENT.TOO_MANY_REQUESTS',
      `a code was sent to this address less than a minute ago: ask again in ${retryAfterSeconds} s`,
      'too-many',
      { retryAfterSeconds },
    ),
  codeInvalid: (triesLeft?: number) =>
    new DomainError(
      'RECRUITMENT.CODE_INVALID',
      'that code is not the one sent to this address, or none is waiting: check it, or ask for a new one',
      'invalid',
      triesLeft === undefined ? undefined : { triesLeft },
    ),
  codeExpired: () =>
    new DomainError('RECRUITMENT.CODE_EXPIRED', 'the code has expired (codes last 10 minutes): ask for a new one', 'invalid'),
  tooManyTries: () =>
    new DomainError('RECRUITMENT.TOO_MANY_TRIES', 'the code was tried wrongly 5 times and no longer works: ask for a new one', 'invalid'),
  candidateNotFound: () =>
    new DomainError(
      'RECRUITMENT.CANDIDATE_NOT_FOUND',
      'no candidate record for this sign-in: it was erased. Sign in again to start afresh',
      'not-found',
    ),
  noApplication: () =>
    new DomainError('RECRUITMENT.NO_APPLICATION', 'there is no application yet: PUT /recruitment/me/application makes one', 'not-found'),
  applicationRules: (problems: ApplicationProblem[]) =>
    new DomainError('RECRUITMENT.APPLICATION_RULES', problems.map((p) => p.message).join('; '), 'invalid', {
      fields: problems.map((p) => p.field),
      problems: problems.map((p) => p.message),
    }),
  wordingNotCurrent: (kind: string, version: string, current: string) =>
    new DomainError(
      'RECRUITMENT.WORDING_NOT_CURRENT',
      `wordingVersion ${version} is not the current wording for ${kind} consent (${current}): show the candidate GET /recruitment/consent-wordings`,
      'invalid',
      { currentVersion: current },
    ),
  applicationRequired: () =>
    new DomainError(
      'RECRUITMENT.APPLICATION_REQUIRED',
      'the pool holds applications: make one (PUT /recruitment/me/application) before joining',
      'conflict',
    ),
  alreadyInPool: () => new DomainError('RECRUITMENT.ALREADY_IN_POOL', 'consent to the pool is already given and not withdrawn', 'conflict'),
  notInPool: () => new DomainError('RECRUITMENT.NOT_IN_POOL', 'there is no consent to the pool to withdraw', 'conflict'),
  vacancyNotPooled: (coopId: string, vacancyId: string, state?: string) =>
    new DomainError(
      'RECRUITMENT.VACANCY_NOT_POOLED',
      state
        ? `vacancy ${vacancyId} of ${coopId} is ${state}, not in the pool`
        : `vacancy ${vacancyId} is not one of ${coopId}'s vacancies in the pool`,
      'conflict',
    ),
  profileUnknown: (profileId: string) =>
    new DomainError(
      'RECRUITMENT.PROFILE_UNKNOWN',
      `profile ${profileId} is not a candidate this co-op was shown, or the candidate's record has ended`,
      'not-found',
    ),
  candidateLeftPool: () =>
    new DomainError('RECRUITMENT.CANDIDATE_NOT_IN_POOL', 'the candidate is no longer in the pool (consent withdrawn)', 'conflict'),
  declinedBefore: (coopId: string) =>
    new DomainError(
      'RECRUITMENT.DECLINED_BEFORE',
      `the candidate declined a request from ${coopId} before: a co-op does not ask the same candidate again`,
      'conflict',
    ),
  requestWaiting: (coopId: string) =>
    new DomainError('RECRUITMENT.REQUEST_WAITING', `a request from ${coopId} is already waiting for this candidate's answer`, 'conflict'),
  noSealingKey: (coopId: string) =>
    new DomainError(
      'RECRUITMENT.NO_SEALING_KEY',
      `${coopId} has no sealing key on record (NODE_CURVE_SEED unset on its node): no application could be sent to it`,
      'conflict',
    ),
  requestIdTaken: (requestId: string) =>
    new DomainError('RECRUITMENT.REQUEST_ID_TAKEN', `request id ${requestId} is already in use: a new request needs a new id`, 'conflict'),
  requestNotFound: () => new DomainError('RECRUITMENT.REQUEST_NOT_FOUND', 'no request with that id for this candidate', 'not-found'),
  requestNotWaiting: (status: string) =>
    new DomainError('RECRUITMENT.REQUEST_NOT_WAITING', `the request is ${status}: only a waiting request can be answered`, 'conflict'),
};
