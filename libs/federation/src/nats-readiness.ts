import { HealthIndicatorResult } from '@nestjs/terminus';
import { NatsLink } from './nats-link.service';

/** A readiness check for terminus: up while the NATS link is connected. */
export function natsReadiness(link: NatsLink): () => Promise<HealthIndicatorResult> {
  return async () => {
    const up = link.isConnected();
    const result: HealthIndicatorResult = { nats: { status: up ? 'up' : 'down' } };
    if (!up) {
      const { HealthCheckError } = await import('@nestjs/terminus');
      throw new HealthCheckError('NATS is not connected', result);
    }
    return result;
  };
}
