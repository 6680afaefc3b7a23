import { DomainError } from '@app/platform';

export const RegistryErrors = {
  notFound: (id: string) => new DomainError('REGISTRY.COOP_NOT_FOUND', `co-op ${id} is not in the registry`, 'not-found'),
};
