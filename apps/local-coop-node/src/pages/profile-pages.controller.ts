import { Body, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { CQC_RATINGS, LEGAL_FORMS, SERVICE_TYPES } from '@app/contracts';
import { checkForm, formList, PageController, PageRoles, ukDateTime, WebViews, wordsOf } from '@app/web';

import { ProfileQueries, ProfileView, toProfileView, UpdateProfile, UpdateProfileDto } from '../profile';
import { profileFormToBody } from './admin-forms.rules';
import { choices, refusalOnField, removedProfileFields } from './admin-forms.rules';
import { pageNavigation } from './page-navigation';

const MESSAGES = {
  name: 'Enter the co-op’s name, 2 to 120 characters',
  localities: 'Enter at least one locality, one a line, each 2 to 80 characters, none twice',
  registrationNumber: 'Enter the registration number, up to 40 characters',
};

/**
 * The co-op's public profile for its admin: what the hub and the other co-ops see of it, and a form
 * to change it with the same DTO and use case as `PATCH /profile` (the hub is told through the outbox).
 */
@PageRoles('coop-admin')
@PageController()
export class ProfilePagesController {
  constructor(
    private readonly profiles: ProfileQueries,
    private readonly updateProfile: UpdateProfile,
    private readonly views: WebViews,
  ) {}

  @Get('admin/profile')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@Query('saved') saved: unknown, @Req() req: Request): Promise<string> {
    const profile = toProfileView(await this.profiles.current());
    return this.views.render(req, 'admin-profile.njk', { ...this.context(req, profile), saved: saved === '1' });
  }

  @Post('admin/profile')
  async save(@Body() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const profile = toProfileView(await this.profiles.current());
    const checked = await checkForm(UpdateProfileDto, profileFormToBody(form), MESSAGES);
    const removed = removedProfileFields(form, profile);
    const errors = 'errors' in checked ? [...checked.errors, ...removed] : removed.length ? removed : await this.apply(checked.dto);
    if (errors.length === 0) {
      res.redirect(303, '/admin/profile?saved=1');
      return;
    }
    this.views.sendErrors(req, res, 'admin-profile.njk', this.context(req, profile, typedValues(form)), errors);
  }

  private async apply(dto: UpdateProfileDto) {
    try {
      await this.updateProfile.execute(dto);
      return [];
    } catch (error) {
      return refusalOnField(error, 'name');
    }
  }

  private context(req: Request, profile: ProfileView, typed = typedValues(formOf(profile))) {
    return {
      title: 'Profile',
      navigation: pageNavigation(req, '/admin/profile'),
      profile,
      typed,
      updatedAt: ukDateTime(profile.updatedAt),
      legalForms: choices(LEGAL_FORMS, typed.legalForm, wordsOf),
      serviceTypes: choices(SERVICE_TYPES, typed.servicesOffered, wordsOf),
      // "Not given" only while no rating is given: the API cannot remove one.
      cqcRatings: [
        ...(profile.cqcRating ? [] : [{ value: '', text: 'Not given', selected: typed.cqcRating === '' }]),
        ...choices(CQC_RATINGS, typed.cqcRating, wordsOf),
      ],
      services: profile.servicesOffered.map(wordsOf).join(', ') || 'None',
    };
  }
}

function formOf(profile: ProfileView): Record<string, unknown> {
  return {
    ...profile,
    localities: profile.localities.join('\n'),
    registrationNumber: profile.registrationNumber ?? '',
    cqcRating: profile.cqcRating ?? '',
  };
}

/** What the form shows again: the values as typed (a re-rendered form loses nothing). */
function typedValues(form: Record<string, unknown>) {
  return {
    name: String(form.name ?? ''),
    legalForm: String(form.legalForm ?? ''),
    localities: String(form.localities ?? ''),
    servicesOffered: formList(form.servicesOffered),
    registrationNumber: String(form.registrationNumber ?? ''),
    cqcRating: String(form.cqcRating ?? ''),
  };
}
