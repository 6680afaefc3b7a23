import { Transform } from 'class-transformer';
import { IsOptional, IsUrl, Matches, ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';

import { DatabaseConfig, FederationConfig, IntBetween, toInt } from '@app/platform';
import { WithWebSettings } from '@app/web';

const DB_NAME_RULE = 'DB_NAME must be a database name of lower-case letters, digits and underscores';

/** Enough for `migrate` (and the TypeORM CLI), which touch only the hub's database. */
export class HubStorageConfig extends DatabaseConfig {
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: DB_NAME_RULE })
  DB_NAME = 'ccm_hub';
}

/** The hub's configuration, read from the environment at start (each variable: docs/operations.md, Configuration). */
export class HubConfig extends WithWebSettings(FederationConfig) {
  override PORT = 3000;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: DB_NAME_RULE })
  DB_NAME = 'ccm_hub';

  /**
   * Where the hub keeps the NATS server's authorization file (include it from the server's config).
   * Rewritten from the registry at start, whenever a co-op is provisioned, leaves or comes back, and
   * when found out of step; unset, "consortium-hub nats-config" prints it.
   */
  @IsOptional()
  @Matches(/^\/[^\0]+$/, { message: 'NATS_AUTH_FILE must be an absolute file path' })
  NATS_AUTH_FILE?: string;

  /**
   * The NATS server's pid file (its `pid_file`): after rewriting NATS_AUTH_FILE the hub sends that
   * process SIGHUP so the server reloads it. The hub must see the process (same host, or a shared pid
   * namespace) and run as its user. Unset, reloading the server is the operator's step.
   */
  @ValidateIf((c: HubConfig) => c.NATS_SERVER_PID_FILE !== undefined)
  @Matches(/^\/[^\0]+$/, { message: 'NATS_SERVER_PID_FILE must be an absolute file path' })
  @ValidateBy({
    name: 'needsAuthFile',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => Boolean((args?.object as HubConfig | undefined)?.NATS_AUTH_FILE),
      defaultMessage: () => 'NATS_SERVER_PID_FILE needs NATS_AUTH_FILE: the server is reloaded to read the file the hub writes',
    },
  })
  NATS_SERVER_PID_FILE?: string;

  /** How often the hub checks that NATS_AUTH_FILE and the server still match the registry (and retries after a failure). */
  @Transform(toInt)
  @IntBetween('NATS_AUTH_CHECK_MS', 200, 3_600_000, { unit: 'milliseconds' })
  NATS_AUTH_CHECK_MS = 30_000;

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
  @IntBetween('HEARTBEAT_TIMEOUT_MS', 1000, 3_600_000, { unit: 'milliseconds' })
  HEARTBEAT_TIMEOUT_MS = 15_000;

  /** Counts of people from 1 to this are suppressed in consolidated reports (docs/reporting.md, Disclosure control). */
  @Transform(toInt)
  @IntBetween('REPORTING_THRESHOLD', 1, 50, { range: 'from' })
  REPORTING_THRESHOLD = 4;

  /** The same for workforce figures; Skills for Care publishes no group under 10, hence 9. */
  @Transform(toInt)
  @IntBetween('REPORTING_WORKFORCE_THRESHOLD', 1, 50, { range: 'from' })
  REPORTING_WORKFORCE_THRESHOLD = 9;

  /**
   * Where the hub writes each candidate's one-time sign-in code, as one JSON line in one-time-codes.jsonl,
   * and each retention reminder, in reminders.jsonl (docs/recruitment.md): the sender the demo and the
   * tests read. No mail sender is built yet; unset, a candidate's sign-in answers 503 naming this setting,
   * and no reminder goes, so no candidate is purged.
   */
  @IsOptional()
  @Matches(/^\/[^\0]+$/, { message: 'RECRUITMENT_CODE_DIR must be an absolute directory path' })
  RECRUITMENT_CODE_DIR?: string;

  /**
   * Before consent, a co-op sees each candidate who fits its vacancy only through attributes that at
   * least this many of those candidates share (docs/recruitment.md, What a co-op sees); with fewer, only the fit.
   */
  @Transform(toInt)
  @IntBetween('RECRUITMENT_PROFILE_MIN_GROUP', 2, 50)
  RECRUITMENT_PROFILE_MIN_GROUP = 3;

  /**
   * A candidate inactive this long (no sign-in, no change of their own) is purged: their record becomes a
   * tombstone with no personal data (docs/recruitment.md, Retention). Never sooner than
   * RECRUITMENT_REMINDER_DAYS after the reminder, whenever that went.
   */
  @Transform(toInt)
  @IntBetween('RECRUITMENT_RETENTION_DAYS', 30, 3650, { unit: 'days' })
  RECRUITMENT_RETENTION_DAYS = 180;

  /** The reminder goes this many days before the purge, and a candidate is never purged sooner than this after it. */
  @Transform(toInt)
  @IntBetween('RECRUITMENT_REMINDER_DAYS', 1, 365, { unit: 'days' })
  @ValidateBy({
    name: 'reminderBeforePurge',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'number' || value < ((args?.object as HubConfig | undefined)?.RECRUITMENT_RETENTION_DAYS ?? Infinity),
      defaultMessage: () => 'RECRUITMENT_REMINDER_DAYS must be fewer than RECRUITMENT_RETENTION_DAYS: the reminder goes before the purge',
    },
  })
  RECRUITMENT_REMINDER_DAYS = 14;

  /** How often the hub reminds and purges inactive candidates and clears old sign-in codes. */
  @Transform(toInt)
  @IntBetween('RECRUITMENT_RETENTION_SWEEP_MS', 1000, 86_400_000, { unit: 'milliseconds' })
  RECRUITMENT_RETENTION_SWEEP_MS = 3_600_000;

  /** A journey with no stage closed for this long is shown as stalled (docs/onboarding.md, Figures). */
  @Transform(toInt)
  @IntBetween('ONBOARDING_STALL_DAYS', 7, 3650, { unit: 'days' })
  ONBOARDING_STALL_DAYS = 90;

  /** Co-ops that started no spin-off journey in this many months are listed as not yet having sent a runner. */
  @Transform(toInt)
  @IntBetween('ONBOARDING_RUNNER_WINDOW_MONTHS', 1, 240, { unit: 'months' })
  ONBOARDING_RUNNER_WINDOW_MONTHS = 24;

  /** How long a join token works after staff issue it. */
  @Transform(toInt)
  @IntBetween('ONBOARDING_JOIN_TOKEN_HOURS', 1, 720, { unit: 'hours' })
  ONBOARDING_JOIN_TOKEN_HOURS = 72;

  /**
   * The NATS addresses a joining node is given (comma-separated): how the co-op's machine reaches the
   * consortium's NATS, which may differ from the hub's own NATS_URL. Defaults to NATS_URL.
   */
  @IsOptional()
  @Matches(/^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/, {
    message: 'ONBOARDING_NATS_URLS must be comma-separated nats:// or tls:// URLs',
  })
  ONBOARDING_NATS_URLS?: string;
}
