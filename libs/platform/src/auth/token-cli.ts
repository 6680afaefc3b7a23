import { newAuthKeyPair } from './auth-keys';
import { readOptions } from './command-options';
import { TokenAuthority } from './principal';
import { SignInSettings, TokenService } from './token.service';
import { MEMBER_ID_PATTERN } from './token-claims.rules';

/**
 * `<app> token --role R [--subject S] [--coop ID] [--member ID] [--ttl 8h]`: a token for this app
 * only, signed with its AUTH_PRIVATE_KEY, so it can be minted only where that key is.
 */
export function runTokenCommand(args: string[], settings: SignInSettings, authority: TokenAuthority): string {
  const { values } = readOptions(args, { values: ['role', 'subject', 'coop', 'member', 'ttl'] });
  const role = values.role;
  if (!role || !authority.roles.includes(role)) throw new Error(`--role must be one of ${authority.roles.join(', ')}`);
  if (role === 'coop' && !values.coop) throw new Error('--coop is required for the coop role: the co-op id the token speaks for');
  if (role === 'member' && !values.member) throw new Error("--member is required for the member role: the member's id");
  if (values.member !== undefined && !MEMBER_ID_PATTERN.test(values.member))
    throw new Error("--member must be the member's id, a UUID such as GET /members shows");
  const ttlSeconds = parseDuration(values.ttl ?? '8h');
  if (ttlSeconds > settings.AUTH_TOKEN_MAX_HOURS * 3600)
    throw new Error(`--ttl must be at most ${settings.AUTH_TOKEN_MAX_HOURS}h (AUTH_TOKEN_MAX_HOURS): this app refuses longer-lived tokens`);
  return TokenService.fromSettings(settings, authority).issue({
    subject: values.subject ?? `${role}-cli`,
    role,
    coopId: values.coop,
    memberId: values.member,
    ttlSeconds,
  });
}

/** `<app> auth-keys`: a fresh sign-in key pair as two env-file lines; the private one stays with whoever mints tokens. */
export function runAuthKeysCommand(args: string[]): string {
  readOptions(args, {});
  const pair = newAuthKeyPair();
  return `AUTH_PRIVATE_KEY=${pair.AUTH_PRIVATE_KEY}\nAUTH_PUBLIC_KEY=${pair.AUTH_PUBLIC_KEY}`;
}

function parseDuration(text: string): number {
  const m = /^([1-9]\d{0,6})([smhd])$/.exec(text);
  if (!m) throw new Error('--ttl must be a whole number with s, m, h or d, e.g. 8h');
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
