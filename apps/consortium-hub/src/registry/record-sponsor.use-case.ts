import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { sponsorRecordProblem } from './coop-identity.rules';
import { RegistryErrors } from './registry.errors';
import { lockRegistryIdentities } from './registry-identity.store';

/**
 * Consortium staff record (or clear) the co-op that sponsored another: the consortium's record, which
 * a co-op's own profile can repeat but never change. Also how a node refused with
 * REGISTRY.SPONSOR_NOT_YOURS gets in, once staff agree its claim.
 */
@Injectable()
export class RecordSponsor {
  private readonly logger = new Logger(RecordSponsor.name);

  constructor(private readonly dataSource: DataSource) {}

  async execute(coopId: string, sponsorCoopId: string | null, by: Principal): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockRegistryIdentities(m);
      const rows: { id: string; sponsor_coop_id: string | null }[] = await m.query('SELECT id, sponsor_coop_id FROM coop');
      const sponsorOf = new Map(rows.map((r) => [r.id, r.sponsor_coop_id]));
      if (!sponsorOf.has(coopId)) throw RegistryErrors.notFound(coopId);
      if (sponsorCoopId !== null) {
        const problem = sponsorRecordProblem(coopId, sponsorCoopId, sponsorOf);
        if (problem) throw RegistryErrors.sponsor(problem, coopId, sponsorCoopId);
      }
      await m.query('UPDATE coop SET sponsor_coop_id = $2, updated_at = now() WHERE id = $1', [coopId, sponsorCoopId]);
    });
    this.logger.log({ msg: 'co-op sponsor recorded', coopId, sponsorCoopId, by: by.subject });
  }
}
