import { Inject, Injectable, Logger } from '@nestjs/common';
import { fromPublic } from 'nkeys.js';
import { DataSource } from 'typeorm';

import { JoinGrantV1, JoinRequestV1, OnboardingTemplatesV1 } from '@app/contracts';
import { EnvelopeSigner, isCurvePublicKey, SIGNATURE_KEYS } from '@app/federation';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { NatsAuthorizationSync, RegistryKeys } from '../registry';
import { JoinErrors } from './join.errors';
import { joinTokenHash, joinTokenState, natsUrlsFor } from './join-token.rules';
import { JoinTokenStore } from './join-token.store';

/**
 * A new co-op's node joins with the token staff issued and the public halves of the keys it just made.
 * One transaction spends the token and gives the co-op its keys (and a line in its status history);
 * after the commit the NATS authorization is rewritten and the server reloaded, so the node can connect
 * at once. A refused join changes nothing: the token stays as it was.
 */
@Injectable()
export class RedeemJoinToken {
  private readonly logger = new Logger(RedeemJoinToken.name);
  private readonly hubPublicKey: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: JoinTokenStore,
    private readonly natsAuthorization: NatsAuthorizationSync,
    @Inject(SIGNATURE_KEYS) private readonly keys: RegistryKeys,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {
    this.hubPublicKey = new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey;
  }

  async execute(request: JoinRequestV1, now = new Date()): Promise<JoinGrantV1> {
    // A key the NATS server cannot read would stop it loading the authorization for everyone.
    if (!isUserKey(request.publicKey) || request.publicKey === this.hubPublicKey) {
      throw request.publicKey === this.hubPublicKey ? JoinErrors.keyInUse('publicKey') : JoinErrors.badKey('publicKey');
    }
    if (!isCurvePublicKey(request.sealingKey)) throw JoinErrors.badKey('sealingKey');
    const grant = await this.dataSource.transaction(async (m) => {
      const token = await this.store.lockByHash(m, joinTokenHash(request.token));
      if (!token) throw JoinErrors.tokenUnknown();
      const state = joinTokenState(token, now);
      if (state !== 'waiting') throw JoinErrors.tokenRefused(state);
      const coop = await this.store.lockCoop(m, token.coopId);
      if (coop.status === 'left') throw JoinErrors.coopLeft(coop.id);
      if (coop.publicKey) throw JoinErrors.coopAlreadyJoined(coop.id);
      const held = await this.store.keysHeldElsewhere(m, coop.id, request.publicKey, request.sealingKey);
      if (held.publicKey) throw JoinErrors.keyInUse('publicKey');
      if (held.sealingKey) throw JoinErrors.keyInUse('sealingKey');
      await this.store.markUsed(m, token.id, now);
      await this.store.setKeys(m, coop.id, request.publicKey, request.sealingKey, now);
      await this.store.recordJoin(m, coop.id, coop.status, `joined with join token ${token.id}: its node made its own keys`, now);
      const templates = await this.store.templatesFor(m, token.journeyId);
      const result: JoinGrantV1 = {
        coopId: coop.id,
        name: coop.name,
        localities: coop.localities,
        services: coop.servicesOffered,
        sponsorCoopId: await this.store.sponsorOf(m, token.journeyId),
        hubPublicKey: this.hubPublicKey,
        natsUrls: natsUrlsFor(this.config),
        subjectRoot: this.config.NATS_SUBJECT_ROOT,
        ...(templates ? { templates: templates as OnboardingTemplatesV1 } : {}),
      };
      return { result, tokenId: token.id };
    });
    this.keys.forget(grant.result.coopId);
    this.logger.log({
      msg: 'co-op joined with its own keys',
      coopId: grant.result.coopId,
      tokenId: grant.tokenId,
      publicKey: request.publicKey,
    });
    // After the commit, so the authorization is written from the registry as it now stands. A failure
    // does not undo the join: it is shown on GET /coops/nats-authorization and retried.
    await this.natsAuthorization.sync();
    return grant.result;
  }
}

function isUserKey(key: string): boolean {
  try {
    fromPublic(key);
    return key.startsWith('U');
  } catch {
    return false;
  }
}
