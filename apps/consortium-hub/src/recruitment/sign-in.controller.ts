import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Public } from '@app/platform';

import { CONSENT_WORDINGS } from './consent.rules';
import { CandidateTokenView, ConsentWordingView, SignInRequestDto, SignInRequestedView, SignInVerifyDto } from './recruitment.dto';
import { RequestSignInCode } from './request-sign-in-code.use-case';
import { VerifySignInCode } from './verify-sign-in-code.use-case';

/** A candidate's way in: a one-time code sent to their address, no password; and the consent wordings anyone may read. */
@ApiTags('recruitment')
@Public()
@Controller('recruitment')
export class SignInController {
  constructor(
    private readonly requestCode: RequestSignInCode,
    private readonly verifyCode: VerifySignInCode,
  ) {}

  @Post('sign-in')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SignInRequestedView, description: 'The same answer whether or not the address is known' })
  requestSignIn(@Body() body: SignInRequestDto): Promise<SignInRequestedView> {
    return this.requestCode.execute(body);
  }

  @Post('sign-in/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateTokenView })
  verify(@Body() body: SignInVerifyDto): Promise<CandidateTokenView> {
    return this.verifyCode.execute(body);
  }

  @Get('consent-wordings')
  @ApiOkResponse({ type: [ConsentWordingView] })
  wordings(): ConsentWordingView[] {
    return CONSENT_WORDINGS.map((w) => ({ kind: w.kind, version: w.version, text: w.text, current: w.current }));
  }
}
