import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoopStatus } from '@app/contracts';
import { Principal } from '@app/platform';
import { RegistryErrors } from './registry.errors';

/** Consortium staff move a co-op through its lifecycle (e.g. trading, suspended, left). */
@Injectable()
export class ChangeCoopStatus {
  private readonly logger = new Logger(ChangeCoopStatus.name);

  constructor(private readonly dataSource: DataSource) {}

  async execute(coopId: string, status: CoopStatus, by: Principal): Promise<void> {
    const result = await this.dataSource.query('UPDATE coop SET status = $2, updated_at = now() WHERE id = $1', [coopId, status]);
    if (result[1] === 0) throw RegistryErrors.notFound(coopId);
    this.logger.log({ msg: 'co-op status changed', coopId, status, by: by.subject });
  }
}
