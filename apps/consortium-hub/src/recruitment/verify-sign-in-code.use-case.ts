import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TokenService } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { CandidateStore } from './candidate.store';
import { CandidateTokenView, SignInVerifyDto } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { CodeVerdict, judgeTry, normaliseEmail, SIGN_IN_CODE, stillUsable } from './sign-in-code.rules';
import { SignInCodeStore } from './sign-in-code.store';

/** A candidate's sign-in lasts a working day, or less where the hub accepts no token that long. */
const TOKEN_HOURS = 8;

/**
 * Turns the code sent to an address into a candidate token; the first time, the candidate's record is
 * made. A wrong try is counted by one statement outside any transaction: it must stay counted although
 * the request is refused (and the audit trail records it as the refusal it is, not as a committed change).
 */
@Injectable()
export class VerifySignInCode {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: SignInCodeStore,
    private readonly candidates: CandidateStore,
    private readonly tokens: TokenService,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async execute(dto: SignInVerifyDto, now = new Date()): Promise<CandidateTokenView> {
    if (!this.config.AUTH_PRIVATE_KEY) throw RecruitmentErrors.signInUnavailable('AUTH_PRIVATE_KEY');
    const email = normaliseEmail(dto.email);
    const stored = await this.codes.find(this.dataSource.manager, email, false);
    const verdict = await judgeTry(stored, dto.code, now);
    if (verdict === 'wrong') {
      const counted = await this.codes.countWrongTry(this.dataSource.manager, email, stored!.salt, SIGN_IN_CODE.maxTries);
      if (counted === null) throw RecruitmentErrors.tooManyTries();
      throw RecruitmentErrors.codeInvalid(SIGN_IN_CODE.maxTries - counted);
    }
    if (verdict !== 'accepted') throw refusal(verdict);
    const candidateId = await this.dataSource.transaction(async (m) => {
      const again = stillUsable(await this.codes.find(m, email, true), stored!.salt, now);
      if (again !== 'accepted') throw refusal(again);
      await this.codes.spend(m, email, now);
      return this.candidates.signIn(m, email, now);
    });
    const ttlSeconds = Math.min(TOKEN_HOURS, this.config.AUTH_TOKEN_MAX_HOURS) * 3600;
    return {
      token: this.tokens.issue({ subject: candidateId, role: 'candidate', ttlSeconds }),
      candidateId,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    };
  }
}

function refusal(verdict: CodeVerdict) {
  if (verdict === 'expired') return RecruitmentErrors.codeExpired();
  if (verdict === 'too-many-tries') return RecruitmentErrors.tooManyTries();
  return RecruitmentErrors.codeInvalid();
}
