import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DatabaseConfig, FederationConfig, toInt } from '@app/platform';

const DB_NAME_RULE = 'DB_NAME must be a database name of lower-case letters, digits and underscores';

/** Enough for `migrate` (and the TypeORM CLI), which touch only the hub's database. */
export class HubStorageConfig extends DatabaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: DB_NAME_RULE })
  DB_NAME = 'ccm_hub';
}

/** The hub's configuration, read from the environment at start (see the README's reference). */
export class HubConfig extends FederationConfig {
  override PORT = 3000;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: DB_NAME_RULE })
  DB_NAME = 'ccm_hub';

  /**
   * Where the hub keeps the NATS server's authorization file (include it from the server's config).
   * Rewritten whenever a co-op is provisioned or leaves; unset, "consortium-hub nats-config" prints it.
   */
  @IsOptional()
  @Matches(/^\/[^\0]+$/, { message: 'NATS_AUTH_FILE must be an absolute file path' })
  NATS_AUTH_FILE?: string;

  /** A co-op is shown offline when no heartbeat arrived for this long. */
  @Transform(toInt)
  @IsInt({ message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Min(1000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Max(3_600_000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  HEARTBEAT_TIMEOUT_MS = 15_000;
}
