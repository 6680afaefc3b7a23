import 'reflect-metadata';
import { HUB_AUDIENCE, HUB_ROLES, loadConfig, runCli, runTokenCommand } from '@app/platform';
import { HubConfig } from './config/hub.config';
import { migrateHub, startHub } from './bootstrap';

/**
 * consortium-hub [serve]       run the hub (default)
 * consortium-hub migrate       create the database if missing and apply migrations
 * consortium-hub token --role consortium-staff|commissioner|coop [--coop ID] [--ttl 8h]
 */
void runCli('consortium-hub', {
  serve: async () => {
    await startHub(loadConfig(HubConfig));
  },
  migrate: async () => {
    const applied = await migrateHub(loadConfig(HubConfig));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  },
  token: async (args) => {
    const config = loadConfig(HubConfig);
    console.log(runTokenCommand(args, config.JWT_SECRET, HUB_AUDIENCE, HUB_ROLES));
  },
});
