import { Inject, Injectable } from '@nestjs/common';
import type * as OpenId from 'openid-client';

import { loadEsm } from './esm';
import { WEB_SIGN_IN, WebSignIn } from './web.config';

/** What the sign-in keeps between sending a person to the identity provider and their return. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export interface SignedInPerson {
  subject: string;
  name: string;
  claims: Record<string, unknown>;
  /** The ID token as received: the hint for ending the session at the provider on sign-out. */
  idToken?: string;
}

/**
 * OpenID Connect with openid-client: the authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata is discovered once, on first use, so the app starts when the provider is away.
 */
@Injectable()
export class OidcClient {
  private configuration?: Promise<OpenId.Configuration>;

  constructor(@Inject(WEB_SIGN_IN) private readonly settings: WebSignIn) {}

  get redirectUri(): string {
    return new URL('/auth/callback', this.settings.baseUrl).href;
  }

  async start(next: string): Promise<{ url: string; pending: PendingSignIn }> {
    const client = openid();
    const config = await this.config();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), next };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Completes the flow from the callback's address; throws when the state, nonce, code or tokens do not check out. */
  async finish(callbackPathAndQuery: string, pending: PendingSignIn): Promise<SignedInPerson> {
    const client = openid();
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, new URL(callbackPathAndQuery, this.settings.baseUrl), {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    if (claims[this.settings.roleClaim] === undefined || claims.name === undefined) {
      // Some providers keep profile and role claims for the userinfo endpoint rather than the ID token.
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...claims };
    }
    const name = typeof claims.name === 'string' && claims.name ? claims.name : idClaims.sub;
    return { subject: idClaims.sub, name, claims, idToken: tokens.id_token };
  }

  /**
   * Where to send a person who signs out, to end their session at the identity provider too (OpenID
   * Connect RP-initiated logout), coming back to `returnTo`; null when the provider has no such endpoint
   * (Google's has none) or cannot be reached: then the sign-out is this app's alone.
   */
  async endSessionUrl(idToken: string | undefined, returnTo: string): Promise<string | null> {
    const config = await this.config().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = {
      post_logout_redirect_uri: new URL(returnTo, this.settings.baseUrl).href,
      client_id: this.settings.clientId,
    };
    if (idToken) params.id_token_hint = idToken;
    return openid().buildEndSessionUrl(config, params).href;
  }

  private config(): Promise<OpenId.Configuration> {
    if (!this.configuration) {
      const client = openid();
      const { issuer, clientId, clientSecret } = this.settings;
      const plainHttp = issuer.protocol === 'http:';
      this.configuration = client
        .discovery(issuer, clientId, clientSecret, undefined, plainHttp ? { execute: [client.allowInsecureRequests] } : undefined)
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw error;
        });
    }
    return this.configuration;
  }
}

const openid = () => loadEsm<typeof OpenId>('openid-client');
