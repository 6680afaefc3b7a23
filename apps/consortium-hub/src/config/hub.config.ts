import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
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

  /**
   * Where the public reaches this hub's API, e.g. https://hub.example.coop: the base of the URIs in
   * its OCDS release packages. Taken from here, never from a request's Host header, which the caller
   * chooses. Unset, the packages use http://HOST:PORT, which suits a developer's machine only.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_query_components: false, allow_fragments: false },
    { message: 'PUBLIC_BASE_URL must be an http:// or https:// URL with no query or fragment, e.g. https://hub.example.coop' },
  )
  PUBLIC_BASE_URL?: string;

  /** A co-op is shown offline when no heartbeat arrived for this long. */
  @Transform(toInt)
  @IsInt({ message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Min(1000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  @Max(3_600_000, { message: 'HEARTBEAT_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 3600000' })
  HEARTBEAT_TIMEOUT_MS = 15_000;

  /** Counts of people from 1 to this are suppressed in consolidated reports (see README, disclosure control). */
  @Transform(toInt)
  @IsInt({ message: 'REPORTING_THRESHOLD must be a whole number from 1 to 50' })
  @Min(1, { message: 'REPORTING_THRESHOLD must be a whole number from 1 to 50' })
  @Max(50, { message: 'REPORTING_THRESHOLD must be a whole number from 1 to 50' })
  REPORTING_THRESHOLD = 4;

  /** The same for workforce figures; Skills for Care publishes no group under 10, hence 9. */
  @Transform(toInt)
  @IsInt({ message: 'REPORTING_WORKFORCE_THRESHOLD must be a whole number from 1 to 50' })
  @Min(1, { message: 'REPORTING_WORKFORCE_THRESHOLD must be a whole number from 1 to 50' })
  @Max(50, { message: 'REPORTING_WORKFORCE_THRESHOLD must be a whole number from 1 to 50' })
  REPORTING_WORKFORCE_THRESHOLD = 9;
}
