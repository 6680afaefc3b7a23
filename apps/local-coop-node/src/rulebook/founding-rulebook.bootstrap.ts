import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ConfigError, todayIso } from '@app/platform';

import { NodeConfig, NodeStorageConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { PolicyStore } from '../policies';
import { readFoundingTemplates } from './founding-templates.file';
import { RulebookStore } from './rulebook.store';
import { RULEBOOK_TEMPLATES } from './rulebook-templates.rules';

type FoundingConfig = NodeStorageConfig & Partial<Pick<NodeConfig, 'COOP_FOUNDING_TEMPLATES_FILE'>>;

/**
 * A new node's founding rulebook, adopted at its first start (when it has no rulebook yet): the
 * sponsor's rulebook and policies from COOP_FOUNDING_TEMPLATES_FILE when `join` wrote one, otherwise
 * the template named by COOP_RULEBOOK_TEMPLATE. Later starts change nothing and never read the file.
 */
@Injectable()
export class FoundingRulebook implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RulebookStore,
    private readonly policies: PolicyStore,
    @Inject(NODE_CONFIG) private readonly config: FoundingConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE rulebook_version IN EXCLUSIVE MODE');
      const [existing] = await m.query('SELECT 1 FROM rulebook_version LIMIT 1');
      if (existing) return;
      const file = this.config.COOP_FOUNDING_TEMPLATES_FILE;
      if (!file) {
        await this.store.adopt(m, RULEBOOK_TEMPLATES[this.config.COOP_RULEBOOK_TEMPLATE], 'founding');
        return;
      }
      const sponsor = this.config.COOP_SPONSOR_ID;
      if (!sponsor)
        throw new ConfigError(['COOP_FOUNDING_TEMPLATES_FILE needs COOP_SPONSOR_ID, the co-op whose rulebook and policies it holds']);
      const templates = await readFoundingTemplates(file);
      const source = `sponsor:${sponsor}`;
      await this.store.adopt(m, templates.rulebook, source);
      const adoptedOn = todayIso();
      for (const p of templates.policies) await this.policies.save(m, { ...p, adoptedOn, source });
    });
  }
}
