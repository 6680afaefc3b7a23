/**
 * The time the app's rules go by: a tender's deadline, a standstill's end, a brokerage request's
 * expiry. Use cases, jobs and queries that decide something by date ask the injected Clock, and pass
 * its `now()` to SQL as a parameter rather than PostgreSQL's `now()`, so a test can set the date and
 * see the stage change at once instead of waiting for it. Timestamps that only record when something
 * happened (created_at) stay the database's.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The real time: what every app runs with unless TEST_CLOCK is on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The real time moved by an offset a test sets (TEST_CLOCK=true, never in production): it keeps
 * ticking from where it is set, so timers and sweeps behave as they would on that date.
 */
export class SettableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `at`, and ticks on from there. */
  setTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  /** Moves the clock on (or back, when negative) by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}
