import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { DomainError, ExclusiveJob, ExclusiveRun, safeErrorMessage } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { PurgeInactiveCandidate } from './purge-inactive-candidate.use-case';
import { RemindInactiveCandidate } from './remind-inactive-candidate.use-case';
import { codesExpiredBefore, purgeCutoffs, reminderCutoff, retentionSettingsOf } from './retention.rules';
import { RetentionStore } from './retention.store';

/** At most this many candidates reminded, and as many purged, per sweep: the rest wait for the next one. */
const SWEEP_BATCH = 1000;

const JOB = 'candidate-retention';

/** The job's name among every hub instance on the database: one of them runs each sweep. */
export const CANDIDATE_RETENTION_JOB = 'hub.recruitment.candidate-retention';

/** What one sweep did, in counts only. */
export interface RetentionSweep {
  reminded: number;
  purged: number;
  /** Co-ops' requests still waiting for a purged candidate, ended 'withdrawn'. */
  requestsEnded: number;
  codesDeleted: number;
  /** Candidates whose reminder or purge failed this time (logged without their address); the next sweep tries again. */
  failed: number;
}

/**
 * Retention of candidates, every RECRUITMENT_RETENTION_SWEEP_MS: reminds each candidate inactive for
 * RETENTION − REMINDER days, purges each inactive for RETENTION days and reminded at least REMINDER days
 * ago, and deletes sign-in codes expired more than a day. Each candidate is judged and changed in a
 * transaction of its own under its row lock (taken with SKIP LOCKED). One hub instance at a time sweeps
 * (ExclusiveJob); should two runs of `execute` overlap anyway, or a sweep run twice, each candidate is still
 * reminded and purged once; a sign-in that holds the row wins and the next sweep judges the candidate again.
 */
@Injectable()
export class CandidateRetentionJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CandidateRetentionJob.name);
  private readonly job: ExclusiveJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RetentionStore,
    private readonly remind: RemindInactiveCandidate,
    private readonly purge: PurgeInactiveCandidate,
    private readonly relay: OutboxRelay,
    private readonly scheduler: SchedulerRegistry,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {
    this.job = new ExclusiveJob(dataSource, CANDIDATE_RETENTION_JOB);
  }

  onApplicationBootstrap(): void {
    this.scheduler.addInterval(
      JOB,
      setInterval(() => void this.sweep(), this.config.RECRUITMENT_RETENTION_SWEEP_MS),
    );
  }

  /** One sweep, unless one is running here or on another instance; null when it failed (logged, the next one tries again). */
  async sweep(now = new Date()): Promise<ExclusiveRun<RetentionSweep> | null> {
    return this.job.tick(() => this.execute(now), this.logger, 'candidate retention sweep failed; will retry');
  }

  /** The sweep's work, without the lock between instances (see the class comment). */
  async execute(now = new Date()): Promise<RetentionSweep> {
    const settings = retentionSettingsOf(this.config);
    const done: RetentionSweep = { reminded: 0, purged: 0, requestsEnded: 0, codesDeleted: 0, failed: 0 };
    const reasons = new Set<string>();
    const fail = (e: unknown) => {
      done.failed++;
      reasons.add(reasonOf(e));
    };

    for (const id of await this.store.dueForReminder(this.dataSource.manager, reminderCutoff(now, settings), SWEEP_BATCH)) {
      try {
        if (await this.remind.execute(id, now)) done.reminded++;
      } catch (e) {
        fail(e);
        // No sender at all: every other candidate would fail the same way.
        if (e instanceof DomainError && e.code === 'RECRUITMENT.REMINDERS_UNAVAILABLE') break;
      }
    }

    const { inactiveSince, remindedBy } = purgeCutoffs(now, settings);
    for (const id of await this.store.dueForPurge(this.dataSource.manager, inactiveSince, remindedBy, SWEEP_BATCH)) {
      try {
        const purged = await this.purge.execute(id, now);
        if (!purged) continue;
        done.purged++;
        done.requestsEnded += purged.requestsEnded;
      } catch (e) {
        fail(e);
      }
    }
    if (done.requestsEnded) this.relay.nudge();

    done.codesDeleted = await this.store.deleteCodesExpiredBefore(this.dataSource.manager, codesExpiredBefore(now));

    if (done.failed)
      this.logger.warn({
        msg: 'candidate retention sweep: some candidates failed; the next sweep tries again',
        ...done,
        reasons: [...reasons],
      });
    else if (done.reminded || done.purged || done.codesDeleted) this.logger.log({ msg: 'candidate retention sweep', ...done });
    return done;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
    await this.job.settled();
  }
}

/** A failure's reason for the log: a sender's message might quote the address, so anything like one is blotted out. */
function reasonOf(e: unknown): string {
  return safeErrorMessage(e, 200).replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, '<address>');
}
