import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { RulebookTemplatesView, RulebookView } from './rulebook.dto';
import { RulebookStore } from './rulebook.store';
import { RULEBOOK_TEMPLATES } from './rulebook-templates.rules';
import { RulebookVersion } from './rulebook-version.entity';

@ApiTags('rulebook')
@ApiBearerAuth()
@Controller('rulebook')
export class RulebookController {
  constructor(private readonly store: RulebookStore) {}

  /** The rulebook in force. Changing it is a special resolution: PUT /rulebook (see governance). */
  @Get()
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: RulebookView })
  async current(): Promise<RulebookView> {
    return view(await this.store.current());
  }

  @Get('history')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: [RulebookView] })
  async history(): Promise<RulebookView[]> {
    return (await this.store.history()).map(view);
  }

  /** The ready rulebooks a co-op can start from. */
  @Get('templates')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: RulebookTemplatesView })
  templates(): RulebookTemplatesView {
    return RULEBOOK_TEMPLATES;
  }
}

function view(v: RulebookVersion): RulebookView {
  return { version: v.version, adoptedAt: v.adoptedAt.toISOString(), adoptedBy: v.adoptedBy, rulebook: v.rulebook };
}
