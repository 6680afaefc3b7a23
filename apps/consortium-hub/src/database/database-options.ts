import { DataSourceOptions } from 'typeorm';

import {
  DeadLetterOnce1764000000010,
  FEDERATION_ENTITIES,
  FederationTables1764000000000,
  InboxFairness1764000000020,
  RetentionIndexes1764000000030,
} from '@app/federation';
import { AuditTrail1764000000050, postgresOptions } from '@app/platform';

import { HubStorageConfig } from '../config/hub.config';
import { Coop } from '../registry/coop.entity';
import { HubRegistry1764000000100 } from './migrations/1764000000100-hub-registry';
import { CoopKeys1764000000110 } from './migrations/1764000000110-coop-keys';
import { CoopRegulatory1764000000120 } from './migrations/1764000000120-coop-regulatory';
import { ReturnCycles1764000000200 } from './migrations/1764000000200-return-cycles';
import { ReturnReview1764000000210 } from './migrations/1764000000210-return-review';
import { ReportRelease1764000000220 } from './migrations/1764000000220-report-release';
import { Purchasing1764000000300 } from './migrations/1764000000300-purchasing';
import { Tendering1764000000400 } from './migrations/1764000000400-tendering';
import { Recruitment1764000000500 } from './migrations/1764000000500-recruitment';
import { RecruitmentHiring1764000000510 } from './migrations/1764000000510-recruitment-hiring';
import { HireDelivery1764000000520 } from './migrations/1764000000520-hire-delivery';
import { Onboarding1764000000600 } from './migrations/1764000000600-onboarding';
import { WebSession1764000000700 } from './migrations/1764000000700-web-session';
import { ReturnPeriodTypes1764000000850 } from './migrations/1764000000850-return-period-types';
import { Brokerage1764000000900 } from './migrations/1764000000900-brokerage';
import { TenderStages1764000001000 } from './migrations/1764000001000-tender-stages';
import { TimeClearing1764000001100 } from './migrations/1764000001100-time-clearing';

export const HUB_ENTITIES = [...FEDERATION_ENTITIES, Coop];
export const HUB_MIGRATIONS = [
  FederationTables1764000000000,
  DeadLetterOnce1764000000010,
  InboxFairness1764000000020,
  RetentionIndexes1764000000030,
  AuditTrail1764000000050,
  HubRegistry1764000000100,
  CoopKeys1764000000110,
  CoopRegulatory1764000000120,
  ReturnCycles1764000000200,
  ReturnReview1764000000210,
  ReportRelease1764000000220,
  Purchasing1764000000300,
  Tendering1764000000400,
  Recruitment1764000000500,
  RecruitmentHiring1764000000510,
  HireDelivery1764000000520,
  Onboarding1764000000600,
  WebSession1764000000700,
  ReturnPeriodTypes1764000000850,
  Brokerage1764000000900,
  TenderStages1764000001000,
  TimeClearing1764000001100,
];

export function hubDataSourceOptions(config: HubStorageConfig): DataSourceOptions {
  return postgresOptions(
    { host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: config.DB_NAME },
    { entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS, applicationName: 'consortium-hub' },
  );
}
