import { EntityManager } from 'typeorm';

/**
 * Serialises every change to co-ops' names, registration numbers and sponsors until the transaction
 * ends, across hub instances: two co-ops claiming the same name at once would otherwise both find it
 * free. Identity changes are rare (a node's start, a profile edit, provisioning), so one lock for all
 * of them costs nothing.
 */
export async function lockRegistryIdentities(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['registry:identities']);
}
