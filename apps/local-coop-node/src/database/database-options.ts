import { DataSourceOptions } from 'typeorm';

import {
  DeadLetterOnce1764000000010,
  FEDERATION_ENTITIES,
  FederationTables1764000000000,
  InboxFairness1764000000020,
  RetentionIndexes1764000000030,
} from '@app/federation';
import { AuditTrail1764000000050, postgresOptions } from '@app/platform';

import { CARE_ENTITIES } from '../care';
import { nodeDatabaseName, NodeStorageConfig } from '../config/node.config';
import { GOVERNANCE_ENTITIES } from '../governance';
import { HubLink } from '../hub-link/hub-link.entity';
import { MEMBER_ENTITIES } from '../members';
import { CoopProfile } from '../profile/coop-profile.entity';
import { PURCHASING_ENTITIES } from '../purchasing';
import { RULEBOOK_ENTITIES } from '../rulebook';
import { VOLUNTEERING_ENTITIES } from '../volunteering';
import { WORKFORCE_ENTITIES } from '../workforce';
import { NodeProfile1764000000200 } from './migrations/1764000000200-node-profile';
import { Rulebook1764000000300 } from './migrations/1764000000300-rulebook';
import { Members1764000000400 } from './migrations/1764000000400-members';
import { Governance1764000000500 } from './migrations/1764000000500-governance';
import { Workforce1764000000600 } from './migrations/1764000000600-workforce';
import { Care1764000000700 } from './migrations/1764000000700-care';
import { Volunteering1764000000800 } from './migrations/1764000000800-volunteering';
import { Erasure1764000000900 } from './migrations/1764000000900-erasure';
import { ProfileRegistration1764000001000 } from './migrations/1764000001000-profile-registration';
import { ReturnRequests1764000001100 } from './migrations/1764000001100-return-requests';
import { ReturnReview1764000001200 } from './migrations/1764000001200-return-review';
import { Purchasing1764000001300 } from './migrations/1764000001300-purchasing';
import { Tendering1764000001400 } from './migrations/1764000001400-tendering';
import { TenderOutcomes1764000001410 } from './migrations/1764000001410-tender-outcomes';
import { Recruitment1764000001500 } from './migrations/1764000001500-recruitment';
import { Onboarding1764000001600 } from './migrations/1764000001600-onboarding';
import { WebPages1764000001700 } from './migrations/1764000001700-web-pages';
import { GoalImportance1764000001800 } from './migrations/1764000001800-goal-importance';
import { Safeguarding1764000001810 } from './migrations/1764000001810-safeguarding';
import { NodePurchases1764000001820 } from './migrations/1764000001820-node-purchases';
import { DisadvantagedWorkers1764000001830 } from './migrations/1764000001830-disadvantaged-workers';
import { VisitContracts1764000001840 } from './migrations/1764000001840-visit-contracts';
import { Brokerage1764000001900 } from './migrations/1764000001900-brokerage';
import { TenderTimetable1764000002000 } from './migrations/1764000002000-tender-timetable';
import { TimeCreditsAcrossCoops1764000002100 } from './migrations/1764000002100-time-credits-across-coops';
import { PlacementCare1764000002200 } from './migrations/1764000002200-placement-care';
import { BoardSeatSince1764000002300 } from './migrations/1764000002300-board-seat-since';
import { TimeCreditsWithdrawn1764000002400 } from './migrations/1764000002400-time-credits-withdrawn';

export const NODE_ENTITIES = [
  ...FEDERATION_ENTITIES,
  CoopProfile,
  HubLink,
  ...RULEBOOK_ENTITIES,
  ...MEMBER_ENTITIES,
  ...GOVERNANCE_ENTITIES,
  ...WORKFORCE_ENTITIES,
  ...CARE_ENTITIES,
  ...VOLUNTEERING_ENTITIES,
  ...PURCHASING_ENTITIES,
];

export const NODE_MIGRATIONS = [
  FederationTables1764000000000,
  DeadLetterOnce1764000000010,
  InboxFairness1764000000020,
  RetentionIndexes1764000000030,
  AuditTrail1764000000050,
  NodeProfile1764000000200,
  Rulebook1764000000300,
  Members1764000000400,
  Governance1764000000500,
  Workforce1764000000600,
  Care1764000000700,
  Volunteering1764000000800,
  Erasure1764000000900,
  ProfileRegistration1764000001000,
  ReturnRequests1764000001100,
  ReturnReview1764000001200,
  Purchasing1764000001300,
  Tendering1764000001400,
  TenderOutcomes1764000001410,
  Recruitment1764000001500,
  Onboarding1764000001600,
  WebPages1764000001700,
  GoalImportance1764000001800,
  Safeguarding1764000001810,
  NodePurchases1764000001820,
  DisadvantagedWorkers1764000001830,
  VisitContracts1764000001840,
  Brokerage1764000001900,
  TenderTimetable1764000002000,
  TimeCreditsAcrossCoops1764000002100,
  PlacementCare1764000002200,
  BoardSeatSince1764000002300,
  TimeCreditsWithdrawn1764000002400,
];

export function nodeDataSourceOptions(config: NodeStorageConfig): DataSourceOptions {
  return postgresOptions(
    { host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: nodeDatabaseName(config) },
    { entities: NODE_ENTITIES, migrations: NODE_MIGRATIONS, applicationName: `local-coop-node:${config.COOP_ID}` },
  );
}
