import { INestApplication } from '@nestjs/common';
import request from 'supertest';

import type { HubRole, NodeRole } from '@app/platform';

/**
 * A small HTTP client for one app, signed in with one role: each request carries a freshly minted token,
 * and the app is looked up when the request is made, so a client made before the app starts (or across a
 * restart) still reaches the running one. Requests are supertest's, so `.send()`, `.set()`, `.expect(status)`,
 * `.status` and `.body` read as before.
 */
export class ApiClient {
  constructor(
    private readonly app: () => INestApplication,
    private readonly token: () => string | undefined,
  ) {}

  get(path: string): request.Test {
    return this.signed(this.http().get(path));
  }

  post(path: string, body?: string | object): request.Test {
    return this.withBody(this.signed(this.http().post(path)), body);
  }

  put(path: string, body?: string | object): request.Test {
    return this.withBody(this.signed(this.http().put(path)), body);
  }

  patch(path: string, body?: string | object): request.Test {
    return this.withBody(this.signed(this.http().patch(path)), body);
  }

  delete(path: string): request.Test {
    return this.signed(this.http().delete(path));
  }

  /** The Authorization header this client sends, for a test that sets it by hand. */
  get authorization(): string {
    return `Bearer ${this.token()}`;
  }

  private http() {
    return request(this.app().getHttpServer());
  }

  private signed(test: request.Test): request.Test {
    const token = this.token();
    return token === undefined ? test : test.set('Authorization', `Bearer ${token}`);
  }

  private withBody(test: request.Test, body: string | object | undefined): request.Test {
    return body === undefined ? test : test.send(body);
  }
}

/** A node of the test mesh: `.as('coop-admin')`, `.as('member', memberId)`, or `.anonymous()`. */
export interface NodeApi {
  as(role: NodeRole, memberId?: string, subject?: string): ApiClient;
  anonymous(): ApiClient;
}

/** The hub of the test mesh: `.as('consortium-staff')`, `.as('coop', coopId)`, `.candidate(candidateId)`, or `.anonymous()`. */
export interface HubApi {
  as(role: HubRole, coopId?: string): ApiClient;
  candidate(candidateId: string): ApiClient;
  anonymous(): ApiClient;
}
