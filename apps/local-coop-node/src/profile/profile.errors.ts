import { DomainError } from '@app/platform';

export const ProfileErrors = {
  missing: () => new DomainError('PROFILE.MISSING', 'this node has no co-op profile yet', 'not-found'),
  nothingToChange: () => new DomainError('PROFILE.NOTHING_TO_CHANGE', 'the request changes no field of the profile', 'invalid'),
};
