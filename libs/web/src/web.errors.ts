import { HttpException, HttpStatus } from '@nestjs/common';

/** A page wants a signed-in person: the page filter sends them to sign in, and back here afterwards. */
export class SignInRequired extends HttpException {
  constructor(readonly next: string) {
    super('sign-in required', HttpStatus.UNAUTHORIZED);
  }
}
