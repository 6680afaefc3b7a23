import { Transform } from 'class-transformer';
import { IsOptional, IsUrl, Matches, MinLength, ValidateIf } from 'class-validator';

import { IntBetween, toInt } from '@app/platform';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base: TypeScript accepts only any[] here
type Constructor<T = object> = new (...args: any[]) => T;

const URL_RULE = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_query_components: false,
  allow_fragments: false,
};
/** The pages are on once any WEB_ setting that turns them on is given; then all of them are needed. */
const pagesOn = (c: WebSettings) =>
  [c.WEB_OIDC_ISSUER, c.WEB_OIDC_CLIENT_ID, c.WEB_OIDC_CLIENT_SECRET, c.WEB_BASE_URL, c.WEB_SESSION_SECRET].some((v) => v !== undefined);
const needed = (what: string) =>
  `${what} (the web pages are on once any of WEB_OIDC_ISSUER, WEB_OIDC_CLIENT_ID, WEB_OIDC_CLIENT_SECRET, WEB_BASE_URL, WEB_SESSION_SECRET is set)`;

/** The settings of the web pages and their sign-in. */
export interface WebSettings {
  WEB_OIDC_ISSUER?: string;
  WEB_OIDC_CLIENT_ID?: string;
  WEB_OIDC_CLIENT_SECRET?: string;
  WEB_BASE_URL?: string;
  WEB_SESSION_SECRET?: string;
  WEB_SESSION_HOURS: number;
  WEB_ROLE_CLAIM: string;
  WEB_ROLE_MAP?: string;
}

/**
 * Adds the web settings to an app's configuration class. All unset: the pages are off (and /sign-in
 * says so). Any set: the identity provider, the client, the address people reach the app at and the
 * session secret are all needed, each named when missing.
 */
export function WithWebSettings<T extends Constructor>(Base: T) {
  class WebConfig extends Base implements WebSettings {
    @ValidateIf(pagesOn)
    @IsUrl(URL_RULE, {
      message: needed("WEB_OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0"),
    })
    WEB_OIDC_ISSUER?: string;

    @ValidateIf(pagesOn)
    @Matches(/^[\x21-\x7e]{1,200}$/, { message: needed('WEB_OIDC_CLIENT_ID must be the client id the identity provider gave this app') })
    WEB_OIDC_CLIENT_ID?: string;

    @ValidateIf(pagesOn)
    @Matches(/^[\x21-\x7e]{8,500}$/, {
      message: needed('WEB_OIDC_CLIENT_SECRET must be the client secret the identity provider gave this app (8 characters or more)'),
    })
    WEB_OIDC_CLIENT_SECRET?: string;

    @ValidateIf(pagesOn)
    @IsUrl(URL_RULE, { message: needed('WEB_BASE_URL must be the address people reach this app at, e.g. https://hub.example.coop') })
    WEB_BASE_URL?: string;

    @ValidateIf(pagesOn)
    @MinLength(32, { message: needed('WEB_SESSION_SECRET must be a random secret of 32 characters or more') })
    WEB_SESSION_SECRET?: string;

    @Transform(toInt)
    @IntBetween('WEB_SESSION_HOURS', 1, 168, { unit: 'hours', range: 'from', note: 'a signed-in session ends this long after sign-in' })
    WEB_SESSION_HOURS = 8;

    @Matches(/^[A-Za-z0-9_:/.-]{1,200}$/, { message: 'WEB_ROLE_CLAIM must be a claim name, e.g. roles or groups' })
    WEB_ROLE_CLAIM = 'roles';

    @IsOptional()
    @Matches(/^[^=,\s]+=[a-z-]+(,[^=,\s]+=[a-z-]+)*$/, {
      message:
        'WEB_ROLE_MAP must be comma-separated claim-value=role pairs, e.g. hub-commissioners=commissioner,hub-staff=consortium-staff',
    })
    WEB_ROLE_MAP?: string;
  }
  return WebConfig;
}

/** The pages' settings once validated: null when the pages are off. */
export interface WebSignIn {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  baseUrl: URL;
  sessionSecret: string;
  sessionHours: number;
  roleClaim: string;
  /** Claim value to the app's role; a value absent here counts as the role of the same name. */
  roleMap: ReadonlyMap<string, string>;
  /** Cookies are Secure unless the app is reached on this machine over plain HTTP. */
  secureCookies: boolean;
}

export function webSignIn(settings: WebSettings): WebSignIn | null {
  const { WEB_OIDC_ISSUER, WEB_OIDC_CLIENT_ID, WEB_OIDC_CLIENT_SECRET, WEB_BASE_URL, WEB_SESSION_SECRET } = settings;
  if (!WEB_OIDC_ISSUER || !WEB_OIDC_CLIENT_ID || !WEB_OIDC_CLIENT_SECRET || !WEB_BASE_URL || !WEB_SESSION_SECRET) return null;
  const baseUrl = new URL(WEB_BASE_URL);
  return {
    issuer: new URL(WEB_OIDC_ISSUER),
    clientId: WEB_OIDC_CLIENT_ID,
    clientSecret: WEB_OIDC_CLIENT_SECRET,
    baseUrl,
    sessionSecret: WEB_SESSION_SECRET,
    sessionHours: settings.WEB_SESSION_HOURS,
    roleClaim: settings.WEB_ROLE_CLAIM,
    roleMap: parseRoleMap(settings.WEB_ROLE_MAP),
    secureCookies: !(baseUrl.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(baseUrl.hostname)),
  };
}

export function parseRoleMap(text: string | undefined): ReadonlyMap<string, string> {
  const pairs = (text ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => p.split('=') as [string, string]);
  return new Map(pairs);
}

/** Provides the app's WebSignIn, or null when the pages are off. */
export const WEB_SIGN_IN = Symbol('WEB_SIGN_IN');
