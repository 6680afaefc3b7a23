import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { NodeStorageConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { RulebookStore } from './rulebook.store';
import { RULEBOOK_TEMPLATES } from './rulebook-templates.rules';

/** A new node starts with the template named by COOP_RULEBOOK_TEMPLATE as its founding rulebook. */
@Injectable()
export class FoundingRulebook implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RulebookStore,
    @Inject(NODE_CONFIG) private readonly config: NodeStorageConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE rulebook_version IN EXCLUSIVE MODE');
      const [existing] = await m.query('SELECT 1 FROM rulebook_version LIMIT 1');
      if (!existing) await this.store.adopt(m, RULEBOOK_TEMPLATES[this.config.COOP_RULEBOOK_TEMPLATE], 'founding');
    });
  }
}
