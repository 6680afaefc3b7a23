import { Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Public } from '@app/platform';

import { ANY_SIGNED_IN, PageGuard, PageRoles } from './page.guard';
import { PageErrorFilter } from './page-error.filter';
import { SignInPeople } from './sign-in-people.use-case';
import { WEB_SIGN_IN, WebSignIn } from './web.config';
import { WebViews } from './web-views';

/** Signing people in and out of the pages. Not part of the API: no bearer token, no OpenAPI. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorFilter)
@Controller()
export class SignInController {
  constructor(
    private readonly views: WebViews,
    private readonly signIn: SignInPeople,
    @Inject(WEB_SIGN_IN) private readonly settings: WebSignIn | null,
  ) {}

  @Get('sign-in')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Req() req: Request, @Query('next') next?: string, @Query('signed-out') signedOut?: string): string {
    return this.views.render(req, 'sign-in.njk', {
      enabled: Boolean(this.settings),
      next: next ?? '/',
      signedOut: signedOut !== undefined,
    });
  }

  @Get('auth/login')
  async login(@Req() req: Request, @Res() res: Response, @Query('next') next?: string): Promise<void> {
    res.redirect(303, await this.signIn.start(req, next));
  }

  @Get('auth/callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.redirect(303, await this.signIn.finish(req));
  }

  @Post('sign-out')
  @UseGuards(PageGuard)
  @PageRoles(ANY_SIGNED_IN)
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.redirect(303, await this.signIn.signOut(req, res));
  }
}
