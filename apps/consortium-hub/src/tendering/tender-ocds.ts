import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { awardReleasePackage, tenderReleasePackage } from './ocds-release.mapper';
import { TenderQueries } from './tender.queries';

const PUBLISHER = 'Care Co-op Mesh consortium hub';

/** Reads a tender in one snapshot and maps it to OCDS release packages. */
@Injectable()
export class TenderOcds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: TenderQueries,
  ) {}

  tender(id: string, baseUri: string): Promise<object> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => tenderReleasePackage(await this.queries.dossier(m, id), { baseUri, publisherName: PUBLISHER }));
  }

  award(id: string, baseUri: string): Promise<object | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => awardReleasePackage(await this.queries.dossier(m, id), { baseUri, publisherName: PUBLISHER }));
  }
}
