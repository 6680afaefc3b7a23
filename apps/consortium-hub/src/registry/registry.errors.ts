import { DomainError } from '@app/platform';

import type { IdentityClash, SponsorProblem } from './coop-identity.rules';

export const RegistryErrors = {
  notFound: (id: string) => new DomainError('REGISTRY.COOP_NOT_FOUND', `co-op ${id} is not in the registry`, 'not-found'),
  identityTaken: (clash: IdentityClash) =>
    clash.rule === 'name-taken'
      ? new DomainError(
          'REGISTRY.NAME_TAKEN',
          `co-op ${clash.heldBy} already has this name (names are compared ignoring case, spaces and look-alike characters)`,
          'conflict',
          { heldBy: clash.heldBy },
        )
      : new DomainError(
          'REGISTRY.REGISTRATION_NUMBER_TAKEN',
          `co-op ${clash.heldBy} already has this registration number (compared upper-case, without spaces)`,
          'conflict',
          { heldBy: clash.heldBy },
        ),
  sponsor: (problem: SponsorProblem | 'loop', coopId: string, sponsor: string, recorded: string | null = null) => {
    switch (problem) {
      case 'self':
        return new DomainError('REGISTRY.SELF_SPONSOR', `co-op ${coopId} cannot be its own sponsor`, 'invalid');
      case 'unknown':
        return new DomainError('REGISTRY.SPONSOR_UNKNOWN', `sponsor ${sponsor} is not a co-op in the registry`, 'invalid');
      case 'loop':
        return new DomainError(
          'REGISTRY.SPONSOR_LOOP',
          `${sponsor} is sponsored, directly or through others, by ${coopId}: the lineage cannot loop`,
          'conflict',
        );
      case 'not-yours':
        return new DomainError(
          'REGISTRY.SPONSOR_NOT_YOURS',
          `the profile names ${sponsor} as sponsor but the consortium records ${recorded ?? 'no sponsor'}; a co-op's sponsor is set by consortium staff, not by its node`,
          'conflict',
        );
    }
  },
  fromTheFuture: (reason: string) => new DomainError('REGISTRY.PROFILE_FROM_THE_FUTURE', `profile refused: ${reason}`, 'invalid'),
  reservedId: (id: string) => new DomainError('REGISTRY.RESERVED_COOP_ID', `"${id}" is reserved by the registry's own routes`, 'invalid'),
};
