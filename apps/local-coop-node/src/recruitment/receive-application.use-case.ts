import { randomUUID } from 'node:crypto';

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  checkAgainst,
  Envelope,
  readJson,
  RECRUITMENT_APPLICATION_SEALED_V1,
  RECRUITMENT_LIMITS,
  RecruitmentApplicationSealedV1,
  SealedApplicationV1,
} from '@app/contracts';
import { curvePublicKey, InboxHandlers, openSealed } from '@app/federation';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { ApplicantStore } from './applicant.store';
import { HireRequestStore } from './hire-request.store';
import { RecruitmentErrors } from './recruitment.errors';
import { applicationIsNew } from './recruitment.rules';

/** Reasons name what is wrong with the box or its fields, never what it holds. */
const MAX_REASON = 500;

/**
 * A candidate accepted the co-op's request and the hub sent their application sealed for this node
 * alone. Opened here with NODE_CURVE_SEED, validated like any message, and recorded as an applicant in
 * the inbox transaction (so a repeated message records nothing more); the request becomes accepted.
 * Anything this node cannot open or trust is refused for good, and the hub's receipt says why.
 */
@Injectable()
export class ReceiveApplication implements OnModuleInit {
  private readonly seed: string | undefined;
  private readonly publicKey: string | undefined;

  constructor(
    @Inject(NODE_CONFIG) config: NodeConfig,
    private readonly handlers: InboxHandlers,
    private readonly requests: HireRequestStore,
    private readonly applicants: ApplicantStore,
  ) {
    this.seed = config.NODE_CURVE_SEED;
    this.publicKey = config.NODE_CURVE_SEED ? curvePublicKey(config.NODE_CURVE_SEED) : undefined;
  }

  onModuleInit(): void {
    this.handlers.register(RECRUITMENT_APPLICATION_SEALED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<RecruitmentApplicationSealedV1>, m: EntityManager): Promise<void> {
    const sealed = envelope.payload;
    const application = this.open(sealed);
    const request = await this.requests.lock(m, sealed.requestId);
    if (!request) throw RecruitmentErrors.application('UNKNOWN_REQUEST', `this co-op made no request to hire ${sealed.requestId}`);
    if (request.vacancyId !== sealed.vacancyId)
      throw RecruitmentErrors.application(
        'OTHER_VACANCY',
        `request ${sealed.requestId} is for vacancy ${request.vacancyId}, not ${sealed.vacancyId}`,
      );
    if (!applicationIsNew(request.status)) return;
    await this.applicants.insert(m, { id: randomUUID(), hireRequestId: request.id, vacancyId: request.vacancyId, application });
    await this.requests.setStatus(m, request.id, 'accepted');
  }

  private open(sealed: RecruitmentApplicationSealedV1): SealedApplicationV1 {
    if (!this.seed || !this.publicKey)
      throw RecruitmentErrors.application(
        'NO_CURVE_KEY',
        'this node has no curve key (NODE_CURVE_SEED) and cannot open a sealed application',
      );
    if (sealed.recipientKey !== this.publicKey)
      throw RecruitmentErrors.application(
        'NOT_FOR_THIS_NODE',
        `the application is sealed for ${sealed.recipientKey}, not this node's curve key ${this.publicKey}`,
      );
    const opened = openSealed(this.seed, sealed.senderKey, sealed.sealed);
    if (!opened)
      throw RecruitmentErrors.application(
        'CANNOT_OPEN',
        "the sealed application does not open with this node's curve key (altered or not a box)",
      );
    const json = readJson(opened, RECRUITMENT_LIMITS.maxSealedChars);
    if (!json.ok) throw RecruitmentErrors.application('NOT_JSON', `the opened application was refused: ${json.code}`);
    const checked = checkAgainst(SealedApplicationV1, json.value);
    if (!checked.ok)
      throw RecruitmentErrors.application(
        'INVALID_APPLICATION',
        `the opened application is invalid: ${checked.errors.join('; ')}`.slice(0, MAX_REASON),
      );
    return json.value as SealedApplicationV1;
  }
}
