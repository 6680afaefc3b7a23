import { connect, JetStreamManager, NatsConnection } from 'nats';

import { waitFor } from '../../../../test/support/wait-for';
import { BenchContext } from '../figure';

/** A NATS connection of the figure's own, closed when the figure ends. */
export async function benchConnection(ctx: BenchContext, name: string): Promise<NatsConnection> {
  const nc = await connect({ servers: ctx.natsUrl, name });
  ctx.defer(() => nc.close());
  return nc;
}

/** Waits until the hub has created the stream that takes `subject` (it does so once connected). */
export async function streamTaking(jsm: JetStreamManager, subject: string): Promise<string> {
  return waitFor(`a stream taking ${subject}`, () => jsm.streams.find(subject), Boolean, { timeoutMs: 30_000, intervalMs: 100 });
}

/** How many messages the stream holds on each subject. */
export async function messagesBySubject(jsm: JetStreamManager, stream: string): Promise<Record<string, number>> {
  const info = await jsm.streams.info(stream, { subjects_filter: '>' });
  return (info.state.subjects as Record<string, number> | undefined) ?? {};
}
