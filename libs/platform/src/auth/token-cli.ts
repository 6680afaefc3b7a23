import { TokenService } from './token.service';

/**
 * `<app> token --role R [--subject S] [--coop ID] [--member ID] [--ttl 8h]`: prints a token for the
 * demo and for tests. It signs with the app's own JWT_SECRET, so it works only where the secret is.
 */
export function runTokenCommand(args: string[], secret: string, audience: string, roles: readonly string[]): string {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const role = opt('role');
  if (!role || !roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  const ttl = parseDuration(opt('ttl') ?? '8h');
  return new TokenService(secret, audience).issue({
    subject: opt('subject') ?? `${role}-cli`,
    role,
    coopId: opt('coop'),
    memberId: opt('member'),
    ttlSeconds: ttl,
  });
}

function parseDuration(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) throw new Error('--ttl must be a number with s, m, h or d, e.g. 8h');
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
