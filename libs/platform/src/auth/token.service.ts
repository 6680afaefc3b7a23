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

/** How many verified tokens are remembered: a node's or the hub's signed-in callers, with room to spare. */
export const VERIFIED_TOKENS_KEPT = 1_000;

/** Signs (with the private key, where there is one) and checks (with the public key) one app's bearer tokens. */
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Claims of tokens whose signature has been checked, by the token itself, oldest first. An ES256
   * verification was among the largest costs of every API request, and a caller sends the same token
   * with each one. Only the signature's outcome is remembered (for the very same string, under the same
   * key it can never change): the claims, expiry included, are checked again on every request, and a
   * token that fails its signature is never remembered, so a forgery costs a verification every time.
   */
  private readonly verified = new Map<string, unknown>();

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
    const payload = this.verified.has(token) ? this.verified.get(token) : this.checkSignature(token);
    if (payload === undefined) return null;
    const check = checkClaims(payload, this.authority, this.limits, Math.floor(Date.now() / 1000));
    if (!check.ok) {
      // Expired (or never acceptable): nothing to keep it for.
      this.verified.delete(token);
      return null;
    }
    return check.principal;
  }

  /** The token's claims if its signature, algorithm, issuer and audience hold (remembered), or undefined. */
  private checkSignature(token: string): unknown {
    let payload: unknown;
    try {
      payload = this.jwt.verify(token, { algorithms: [ALGORITHM], issuer: this.authority.issuer, audience: this.authority.audience });
    } catch {
      return undefined;
    }
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, payload);
    return payload;
  }
}
