import { HealthIndicatorResult } from '@nestjs/terminus';

import { NatsLink } from './nats-link.service';

/**
 * A readiness check for terminus: up only while the link is connected and its last probe came back
 * in time, so a link that died without closing (or whose reader stopped) is reported down within
 * about a heartbeat interval, not when the client finally notices.
 */
export function natsReadiness(link: NatsLink): () => Promise<HealthIndicatorResult> {
  return async () => {
    const health = link.health();
    const result: HealthIndicatorResult = { nats: health.status === 'up' ? { status: 'up' } : { status: 'down', reason: health.reason } };
    if (health.status !== 'up') {
      const { HealthCheckError } = await import('@nestjs/terminus');
      throw new HealthCheckError('NATS is not reachable', result);
    }
    return result;
  };
}
