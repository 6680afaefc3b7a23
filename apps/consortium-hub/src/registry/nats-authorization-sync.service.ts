import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { backoffDelay } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { registryNatsUsers, renderNatsAuthorization, writeIfChanged } from './nats-authorization-file.service';
import { signalNatsReload } from './nats-server-reload';
import { NatsAuthorizationView } from './registry.dto';

/**
 * Keeps NATS_AUTH_FILE and the running NATS server in step with the registry, so a co-op that leaves
 * is off NATS at once and one that comes back (or is provisioned) can connect, with no manual step.
 *
 * It rewrites the file when the registry says something else, and has the server reload it
 * (NATS_SERVER_PID_FILE) whenever the file changed: written here, written by another process (the
 * `provision` command, another hub instance: seen by its modification time), or at the hub's start.
 * A status change calls it at once; a timer (NATS_AUTH_CHECK_MS) catches the rest. A failure is
 * logged as an error, shown at GET /coops/nats-authorization, and retried with a growing pause.
 */
@Injectable()
export class NatsAuthorizationSync implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NatsAuthorizationSync.name);
  private reloadDue = true;
  private seenMtimeMs: number | null = null;
  private writtenAt: Date | null = null;
  private reloadedAt: Date | null = null;
  private checkedAt: Date | null = null;
  private error: string | null = null;
  private failingSince: Date | null = null;
  private failures = 0;
  private coopUsers = 0;
  private nextAttemptAt: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private waiting: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.NATS_AUTH_FILE) return;
    void this.sync();
  }

  /**
   * Brings the file and the server in step with the registry as it is after the caller's commit.
   * Never rejects: a failure is kept for the status view and retried. Calls that arrive while one
   * waits its turn share it, since it reads the registry only when it starts.
   */
  sync(): Promise<void> {
    if (!this.config.NATS_AUTH_FILE || this.stopped) return Promise.resolve();
    if (this.waiting) return this.waiting;
    const turn = this.running.then(() => {
      this.waiting = null;
      return this.syncNow();
    });
    this.waiting = turn;
    this.running = turn;
    return turn;
  }

  status(): NatsAuthorizationView {
    const file = this.config.NATS_AUTH_FILE ?? null;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const state = !file
      ? 'not-configured'
      : this.error
        ? 'failing'
        : this.reloadDue || !this.checkedAt
          ? 'pending'
          : this.config.NATS_SERVER_PID_FILE
            ? 'in-step'
            : 'written';
    return {
      state,
      file,
      pidFile: this.config.NATS_SERVER_PID_FILE ?? null,
      coopUsers: this.coopUsers,
      writtenAt: iso(this.writtenAt),
      reloadedAt: iso(this.reloadedAt),
      checkedAt: iso(this.checkedAt),
      error: this.error,
      failingSince: iso(this.failingSince),
      nextAttemptAt: iso(this.nextAttemptAt),
    };
  }

  private async syncNow(): Promise<void> {
    if (this.stopped) return;
    this.clearTimer();
    const file = this.config.NATS_AUTH_FILE!;
    try {
      const users = await registryNatsUsers(this.dataSource);
      const written = writeIfChanged(file, await renderNatsAuthorization(this.dataSource, this.config, users));
      if (written.changed || written.mtimeMs !== this.seenMtimeMs) this.reloadDue = true;
      this.seenMtimeMs = written.mtimeMs;
      this.writtenAt = new Date(written.mtimeMs);
      this.coopUsers = users.length;
      if (written.changed) this.logger.log({ msg: 'NATS authorization rewritten from the registry', file, coopUsers: users.length });
      await this.reloadIfDue();
      this.checkedAt = new Date();
      this.failures = 0;
      this.error = null;
      this.failingSince = null;
      this.schedule(this.config.NATS_AUTH_CHECK_MS);
    } catch (error) {
      this.failures++;
      this.error = safeErrorMessage(error);
      this.failingSince ??= new Date();
      this.checkedAt = new Date();
      const retryInMs = backoffDelay(this.failures, 1000, this.config.NATS_AUTH_CHECK_MS);
      // Loud on purpose: until this works, a co-op that left may still be on NATS.
      this.logger.error({
        msg: 'NATS authorization not in step with the registry: a co-op that left may still be connected',
        file,
        reason: this.error,
        attempt: this.failures,
        retryInMs,
      });
      this.schedule(retryInMs);
    }
  }

  private async reloadIfDue(): Promise<void> {
    if (!this.reloadDue) return;
    const pidFile = this.config.NATS_SERVER_PID_FILE;
    if (!pidFile) {
      // Reloading is then the operator's step: said once per change, not at every check.
      this.logger.warn({
        msg: 'NATS authorization changed: reload the NATS server (nats-server --signal reload), or set NATS_SERVER_PID_FILE so the hub does',
      });
      this.reloadDue = false;
      return;
    }
    const pid = await signalNatsReload(pidFile);
    this.reloadDue = false;
    this.reloadedAt = new Date();
    this.logger.log({ msg: 'NATS server asked to reload its authorization', pid });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.nextAttemptAt = new Date(Date.now() + delayMs);
    this.timer = setTimeout(() => void this.sync(), delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.nextAttemptAt = null;
    await this.running;
  }
}
