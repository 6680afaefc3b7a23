import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { ONE_TIME_CODE_SENDER, OneTimeCodeSender } from './one-time-code-sender.service';
import { SignInRequestDto, SignInRequestedView } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { expiresAt, hashNewCode, newCode, nextRequestAllowedAt, normaliseEmail, SIGN_IN_CODE } from './sign-in-code.rules';
import { SignInCodeStore } from './sign-in-code.store';

/**
 * Sends a fresh code to an address, new or known alike: the answer never says which. The code is sent
 * inside the transaction that stores its hash, so a failed send leaves no code and spends no request.
 */
@Injectable()
export class RequestSignInCode {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: SignInCodeStore,
    @Inject(ONE_TIME_CODE_SENDER) private readonly sender: OneTimeCodeSender,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async execute(dto: SignInRequestDto, now = new Date()): Promise<SignInRequestedView> {
    // A code that could never become a token would only confuse the person who gets it.
    if (!this.config.AUTH_PRIVATE_KEY) throw RecruitmentErrors.signInUnavailable('AUTH_PRIVATE_KEY');
    const email = normaliseEmail(dto.email);
    const code = newCode();
    const hashed = await hashNewCode(code, randomBytes(16).toString('base64'));
    const until = expiresAt(now);
    await this.dataSource.transaction(async (m) => {
      const outcome = await this.codes.replace(m, email, hashed, now, until, new Date(now.getTime() - SIGN_IN_CODE.requestIntervalMs));
      if (!outcome.replaced)
        throw RecruitmentErrors.tooManyRequests(
          Math.max(1, Math.ceil((nextRequestAllowedAt(outcome.lastRequestedAt).getTime() - now.getTime()) / 1000)),
        );
      await this.sender.send({ email, code, expiresAt: until });
    });
    return {
      message: 'if this address can receive mail, a code is on its way; it lasts 10 minutes',
      expiresInSeconds: SIGN_IN_CODE.ttlMs / 1000,
    };
  }
}
