import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

import {
  COOP_ID_PATTERN,
  CURVE_SEED_PATTERN,
  LEGAL_FORMS,
  LegalForm,
  RULEBOOK_TEMPLATE_IDS,
  RulebookTemplateId,
  SERVICE_TYPES,
  ServiceType,
} from '@app/contracts';
import { DatabaseConfig, FederationConfig, IntBetween, toInt } from '@app/platform';
import { WithWebSettings } from '@app/web';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : value;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base class: TypeScript requires any[] for mixin constructors
type Constructor<T = object> = new (...args: any[]) => T;

/** What describes the co-op itself and where its records live: shared by the node and its offline commands. */
function WithCoop<TBase extends Constructor>(Base: TBase) {
  class CoopSettings extends Base {
    @Matches(COOP_ID_PATTERN, {
      message: 'COOP_ID must be set to the co-op id: lower-case letters, digits and inner hyphens, e.g. colne-valley',
    })
    COOP_ID: string;

    @IsString({ message: 'COOP_NAME must be set to the co-op name, e.g. "Colne Valley Care Co-op"' })
    @Length(2, 120, { message: 'COOP_NAME must be 2 to 120 characters' })
    COOP_NAME: string;

    @IsIn(LEGAL_FORMS, { message: `COOP_LEGAL_FORM must be one of ${LEGAL_FORMS.join(', ')}` })
    COOP_LEGAL_FORM: LegalForm = 'community-benefit-society';

    @Transform(list)
    @ArrayMinSize(1, { message: 'COOP_LOCALITIES must list at least one locality, comma-separated, e.g. "Marsden,Slaithwaite"' })
    @ArrayUnique({ message: 'COOP_LOCALITIES must not repeat a locality' })
    @Length(2, 80, { each: true, message: 'COOP_LOCALITIES entries must be 2 to 80 characters each' })
    COOP_LOCALITIES: string[];

    @Transform(list)
    @ArrayUnique({ message: 'COOP_SERVICES must not repeat a service' })
    @IsIn(SERVICE_TYPES, { each: true, message: `COOP_SERVICES must be a comma-separated list of ${SERVICE_TYPES.join(', ')}` })
    COOP_SERVICES: ServiceType[] = ['personal-care'];

    @IsOptional()
    @Matches(COOP_ID_PATTERN, { message: 'COOP_SPONSOR_ID must be a co-op id, e.g. colne-valley' })
    COOP_SPONSOR_ID?: string;

    @IsIn(RULEBOOK_TEMPLATE_IDS, { message: `COOP_RULEBOOK_TEMPLATE must be one of ${RULEBOOK_TEMPLATE_IDS.join(', ')}` })
    COOP_RULEBOOK_TEMPLATE: RulebookTemplateId = 'uk-multi-stakeholder-cbs';

    /** Defaults to ccm_node_<COOP_ID with hyphens as underscores>. */
    @IsOptional()
    @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_NAME must be a database name of lower-case letters, digits and underscores' })
    DB_NAME?: string;
  }
  return CoopSettings;
}

/** Enough for `migrate` and `seed`, which touch only the co-op's own database. */
export class NodeStorageConfig extends WithCoop(DatabaseConfig) {}

/**
 * A co-op node's configuration. COOP_* describe the co-op at its first start; after that the
 * profile lives in the node's own database and the admin changes it through the API.
 */
export class NodeConfig extends WithWebSettings(WithCoop(FederationConfig)) {
  override PORT = 3100;

  /** The hub's public NKey (U…): every message from the hub must be signed with it. */
  @Matches(/^U[A-Z2-7]{55}$/, {
    message: 'HUB_PUBLIC_KEY must be set to the hub\'s public NKey (U…, 56 characters), as printed by "consortium-hub provision"',
  })
  HUB_PUBLIC_KEY: string;

  /**
   * The node's own curve (X25519) seed: a hired candidate's application is sealed for its public half,
   * so only this node can open it. Made on the node ("local-coop-node curve-key"), never sent anywhere;
   * the public key goes to the hub with the profile. Unset: the node cannot take candidates from the pool.
   */
  @IsOptional()
  @Matches(CURVE_SEED_PATTERN, {
    message: 'NODE_CURVE_SEED must be a curve seed (SX…, 58 characters), as printed by "local-coop-node curve-key"',
  })
  NODE_CURVE_SEED?: string;

  /**
   * The sponsor's rulebook and policy templates, in the file `join` wrote (an absolute path). Read once, at
   * the node's first start, as its founding rulebook and policies instead of COOP_RULEBOOK_TEMPLATE; a bad
   * file stops that start naming the field. Ignored once the node has a rulebook.
   */
  @IsOptional()
  @Matches(/^\//, { message: 'COOP_FOUNDING_TEMPLATES_FILE must be an absolute path (to the templates file "join" wrote)' })
  COOP_FOUNDING_TEMPLATES_FILE?: string;

  /**
   * The node's own floor before any breakdown of people leaves it: a count from 1 up to this in a
   * breakdown cell is withheld (null, marked suppressedOnNode). The hub's disclosure control on the
   * consortium figures (1 to 4 by default) is the real protection; this keeps a single co-op's
   * smallest cells out of the hub's per-co-op records: a cell of 1 singles a person out, and in a
   * cell of 2 each person can tell the other's details. A higher floor erases a small co-op's cells
   * before the hub can add them up, losing the consortium figure wherever any co-op has a few
   * people in a cell, so it stays at or below the hub's. It cannot be 0: one person never leaves.
   */
  @Transform(toInt)
  @IntBetween('REPORTING_NODE_THRESHOLD', 1, 10, {
    range: 'from',
    note: 'people counts up to it are withheld from breakdowns sent to the hub',
  })
  REPORTING_NODE_THRESHOLD = 2;
}

export function nodeDatabaseName(config: { DB_NAME?: string; COOP_ID: string }): string {
  return config.DB_NAME ?? `ccm_node_${config.COOP_ID.replace(/-/g, '_')}`;
}
