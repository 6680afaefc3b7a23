import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { AskSpareCareHours } from './ask-spare-care-hours.use-case';
import { AskSpareCareHoursDto, SpareCareHoursResultView } from './live-questions.dto';

@ApiTags('live questions')
@ApiBearerAuth()
@Controller('live-questions')
export class LiveQuestionsController {
  constructor(private readonly spareCareHours: AskSpareCareHours) {}

  /** Asks every online co-op for its spare care hours by locality in a week, and waits up to the deadline. */
  @Post('spare-care-hours')
  @HttpCode(200)
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: SpareCareHoursResultView })
  askSpareCareHours(@Body() body: AskSpareCareHoursDto): Promise<SpareCareHoursResultView> {
    return this.spareCareHours.execute(body);
  }
}
