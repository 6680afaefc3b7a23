import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { IsISO8601, IsOptional } from 'class-validator';

import { Public } from '../auth/roles.decorator';
import { Clock, SettableClock } from './clock';

export class SetClockDto {
  /** The date and time the app's clock is to read, with its offset, e.g. 2027-03-01T09:00:00Z; omitted, the clock goes back to the real time. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date and time with its offset, e.g. 2027-03-01T09:00:00Z' })
  at?: string;
}

export interface ClockView {
  now: string;
}

/**
 * For tests only: mounted when TEST_CLOCK=true, which the apps refuse with NODE_ENV=production. It
 * sets the time the app's rules go by (deadlines, standstill, expiry), so a test sees a stage change
 * by date at once.
 */
@ApiTags('testing')
@SkipThrottle()
@Controller('testing/clock')
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The time the app goes by (TEST_CLOCK only)' })
  read(): ClockView {
    return { now: this.clock.now().toISOString() };
  }

  @Put()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the time the app goes by, or back to the real time (TEST_CLOCK only)' })
  set(@Body() body: SetClockDto): ClockView {
    const clock = this.clock as SettableClock;
    if (body.at === undefined) clock.reset();
    else clock.setTo(new Date(body.at));
    return this.read();
  }
}
