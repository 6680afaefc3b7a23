import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { DEFAULT_NODE_THRESHOLD, describeDefinitions } from '@app/contracts';
import { Roles } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { DefinitionDescriptionView } from './definitions.dto';

/** The return definitions in words, for whoever reads reports: what each figure means before they rely on it. */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('consortium-staff', 'commissioner')
@Controller('reporting/definitions')
export class DefinitionsController {
  constructor(@Inject(HUB_CONFIG) private readonly config: HubConfig) {}

  @Get()
  @ApiOperation({
    summary: 'Every return definition and version',
    description:
      "Each metric's definition, unit, breakdowns, validation, how the hub combines it across co-ops and how disclosure control treats it (with this hub's thresholds), and the periods each version allows.",
  })
  @ApiOkResponse({ type: [DefinitionDescriptionView] })
  list(): DefinitionDescriptionView[] {
    return describeDefinitions({
      threshold: this.config.REPORTING_THRESHOLD,
      workforceThreshold: this.config.REPORTING_WORKFORCE_THRESHOLD,
      // The hub does not withhold; this is the default each node applies unless its admin changed it.
      nodeThreshold: DEFAULT_NODE_THRESHOLD,
    });
  }
}
