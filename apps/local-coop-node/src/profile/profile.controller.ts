import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { ProfileView, UpdateProfileDto } from './profile.dto';
import { toProfileView } from './profile.mapper';
import { ProfileQueries } from './profile.queries';
import { UpdateProfile } from './update-profile.use-case';

@ApiTags('profile')
@ApiBearerAuth()
@Controller('profile')
export class ProfileController {
  constructor(
    private readonly queries: ProfileQueries,
    private readonly updateProfile: UpdateProfile,
  ) {}

  @Get()
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: ProfileView })
  async get(): Promise<ProfileView> {
    return toProfileView(await this.queries.current());
  }

  /** Changes the public profile and tells the hub (through the outbox, so even while offline). */
  @Patch()
  @Roles('coop-admin')
  @ApiOkResponse({ type: ProfileView })
  update(@Body() body: UpdateProfileDto, @Req() req: { id?: string }): Promise<ProfileView> {
    return this.updateProfile.execute(body, isUuid(req.id) ? req.id : undefined);
  }
}

function isUuid(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v);
}
