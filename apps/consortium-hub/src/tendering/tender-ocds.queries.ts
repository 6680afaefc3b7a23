import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { awardReleasePackage, OcdsReleasePackage, tenderReleasePackage } from './ocds-release.mapper';
import { TenderQueries } from './tender.queries';

const PUBLISHER = 'Care Co-op Mesh consortium hub';

/**
 * Where the packages say they are published: PUBLIC_BASE_URL, or else this hub's own HOST and PORT.
 * Never the request's Host header: a caller could otherwise make the hub publish packages whose URIs
 * point anywhere it likes.
 */
export function publicBaseUri(config: Pick<HubConfig, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>): string {
  return (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}

/** Reads a tender in one snapshot and maps it to OCDS release packages. */
@Injectable()
export class TenderOcds {
  private readonly baseUri: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: TenderQueries,
    @Inject(HUB_CONFIG) config: HubConfig,
  ) {
    this.baseUri = publicBaseUri(config);
  }

  tender(id: string): Promise<OcdsReleasePackage> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) =>
      tenderReleasePackage(await this.queries.dossier(m, id), { baseUri: this.baseUri, publisherName: PUBLISHER }),
    );
  }

  award(id: string): Promise<OcdsReleasePackage | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) =>
      awardReleasePackage(await this.queries.dossier(m, id), { baseUri: this.baseUri, publisherName: PUBLISHER }),
    );
  }
}
