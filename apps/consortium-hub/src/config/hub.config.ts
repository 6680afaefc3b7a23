import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { FederationConfig, toInt } from '@app/platform';

/** The hub's configuration, read from the environment at start (see the README's reference). */
export class HubConfig extends FederationConfig {
  override PORT = 3000;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_NAME must be a database name of lower-case letters, digits and underscores' })
  DB_NAME = 'ccm_hub';

  /** A co-op is shown offline when no heartbeat arrived for this long. */
  @Transform(toInt)
  @IsInt({ message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Min(1000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Max(3_600_000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  HEARTBEAT_TIMEOUT_MS = 15_000;
}
