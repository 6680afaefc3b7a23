import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';

import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';

/**
 * The federation's own small connection pool, apart from the one the HTTP API uses: a burst of
 * requests that holds every connection of the main pool cannot keep the relay from publishing, nor
 * (on a node) the inbox from taking the receipts that settle the outbox. Same database, same options.
 */
export const FEDERATION_DATA_SOURCE = Symbol('FEDERATION_DATA_SOURCE');

export function federationDataSourceOptions(main: DataSourceOptions, poolSize: number): DataSourceOptions {
  const extra = (main as { extra?: Record<string, unknown> }).extra ?? {};
  const name = (main as { applicationName?: string }).applicationName ?? 'ccm';
  return {
    ...main,
    migrations: [],
    migrationsRun: false,
    applicationName: `${name}:federation`,
    extra: { ...extra, max: poolSize },
  } as DataSourceOptions;
}

export const federationDataSourceProvider: Provider = {
  provide: FEDERATION_DATA_SOURCE,
  inject: [DataSource, FEDERATION_OPTIONS],
  useFactory: (main: DataSource, options: FederationOptions) =>
    new DataSource(federationDataSourceOptions(main.options, options.config.FEDERATION_DB_POOL)).initialize(),
};

/** Closes the pool last, once the relay and the consumer have stopped (they stop before application shutdown). */
@Injectable()
export class FederationDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(FEDERATION_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
