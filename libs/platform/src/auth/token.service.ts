import { JwtService } from '@nestjs/jwt';
import { Principal, TOKEN_ISSUER } from './principal';

export interface TokenRequest extends Principal {
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

interface Claims {
  sub: string;
  role: string;
  coopId?: string;
  memberId?: string;
}

/** Signs and verifies the bearer tokens both apps accept (HS256, issuer, audience and expiry checked). */
export class TokenService {
  private readonly jwt: JwtService;

  constructor(secret: string, private readonly audience: string) {
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER } });
  }

  issue(request: Omit<TokenRequest, 'audience'> & { audience?: string }): string {
    const claims: Claims = {
      sub: request.subject,
      role: request.role,
      ...(request.coopId ? { coopId: request.coopId } : {}),
      ...(request.memberId ? { memberId: request.memberId } : {}),
    };
    return this.jwt.sign(claims, { audience: request.audience ?? this.audience, expiresIn: request.ttlSeconds });
  }

  /** Returns the principal, or null for any token that is malformed, forged, expired or for another audience. */
  verify(token: string): Principal | null {
    try {
      const claims = this.jwt.verify<Claims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: this.audience });
      if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
      return { subject: claims.sub, role: claims.role, coopId: claims.coopId, memberId: claims.memberId };
    } catch {
      return null;
    }
  }
}
