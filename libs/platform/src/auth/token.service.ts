import { JwtService } from '@nestjs/jwt';

import { AuthKeys, AuthKeySettings, authKeysFrom } from './auth-keys';
import { Principal, TokenAuthority } from './principal';
import { checkClaims, TokenLimits } from './token-claims.rules';

export interface TokenRequest extends Principal {
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

/** What an app's configuration says about its sign-in tokens. */
export interface SignInSettings extends AuthKeySettings {
  AUTH_TOKEN_MAX_HOURS: number;
}

/** The one algorithm accepted: refusing the rest keeps out `none` and HS256 keyed with the public key. */
const ALGORITHM = 'ES256';

/** Signs (with the private key, where there is one) and checks (with the public key) one app's bearer tokens. */
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    private readonly keys: AuthKeys,
    private readonly authority: TokenAuthority,
    private readonly limits: TokenLimits,
  ) {
    this.jwt = new JwtService({ publicKey: keys.publicKey, privateKey: keys.privateKey });
  }

  static fromSettings(settings: SignInSettings, authority: TokenAuthority): TokenService {
    return new TokenService(authKeysFrom(settings), authority, { maxLifetimeSeconds: settings.AUTH_TOKEN_MAX_HOURS * 3600 });
  }

  /** A token this app will accept; refuses to mint one it would not (a bad id, role or lifetime). */
  issue(request: TokenRequest): string {
    if (!this.keys.privateKey) throw new Error('AUTH_PRIVATE_KEY must be set to sign tokens');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: request.subject,
      role: request.role,
      ...(request.coopId !== undefined ? { coopId: request.coopId } : {}),
      ...(request.memberId !== undefined ? { memberId: request.memberId } : {}),
      iss: this.authority.issuer,
      aud: this.authority.audience,
      iat: now,
      exp: now + request.ttlSeconds,
    };
    const check = checkClaims(claims, this.authority, this.limits, now);
    if (!check.ok) throw new Error(`cannot issue this token: ${check.reason}`);
    return this.jwt.sign(claims, { algorithm: ALGORITHM, privateKey: this.keys.privateKey });
  }

  /** The principal, or null for any token that is malformed, forged, expired, or not this app's to accept. */
  verify(token: string): Principal | null {
    let payload: unknown;
    try {
      payload = this.jwt.verify(token, { algorithms: [ALGORITHM], issuer: this.authority.issuer, audience: this.authority.audience });
    } catch {
      return null;
    }
    const check = checkClaims(payload, this.authority, this.limits, Math.floor(Date.now() / 1000));
    return check.ok ? check.principal : null;
  }
}
