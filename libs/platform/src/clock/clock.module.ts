import { DynamicModule, Module } from '@nestjs/common';

import { Clock, SettableClock, SystemClock } from './clock';
import { ClockController } from './clock.controller';

@Module({})
export class ClockModule {
  /** The app's Clock for every feature; with `testClock` a settable one and PUT /testing/clock to set it. */
  static forRoot(options: { testClock: boolean }): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      controllers: options.testClock ? [ClockController] : [],
      providers: [{ provide: Clock, useValue: options.testClock ? new SettableClock() : new SystemClock() }],
      exports: [Clock],
    };
  }
}
