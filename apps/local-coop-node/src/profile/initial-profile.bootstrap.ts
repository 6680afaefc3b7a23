import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { NodeStorageConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';

/** At the node's very first start, its profile comes from COOP_* configuration; afterwards the database owns it. */
@Injectable()
export class InitialProfile implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NODE_CONFIG) private readonly config: NodeStorageConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const c = this.config;
    await this.dataSource.query(
      `INSERT INTO coop_profile (coop_id, name, legal_form, localities, services_offered, sponsor_coop_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [c.COOP_ID, c.COOP_NAME, c.COOP_LEGAL_FORM, c.COOP_LOCALITIES, c.COOP_SERVICES, c.COOP_SPONSOR_ID ?? null],
    );
  }
}
