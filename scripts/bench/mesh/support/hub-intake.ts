import { INestApplication } from '@nestjs/common';
import { JetStreamClient } from 'nats';

import { buildMessage, encodeMessage, MessageDefinition, SubjectScheme } from '@app/contracts';
import { EnvelopeSigner, InboxProcessor } from '@app/federation';

import { waitFor } from '../../../../test/support/wait-for';
import { inFlight } from './timing';

/** A co-op's message as its node publishes it: signed with the co-op's key, on the co-op's subject. */
export interface SignedMessage {
  id: string;
  subject: string;
  data: Uint8Array;
}

export function signedMessage<P extends object>(
  scheme: SubjectScheme,
  signer: EnvelopeSigner,
  def: MessageDefinition<P>,
  payload: P,
  coopId: string,
  occurredAt: Date,
): SignedMessage {
  const envelope = signer.sign(buildMessage(def, payload, { coopId, occurredAt }));
  return { id: envelope.id, subject: scheme.coopMessage(coopId, def.type), data: encodeMessage(envelope) };
}

/** Publishes with Nats-Msg-Id, as a node's relay does, `concurrency` in flight. */
export async function publishAll(js: JetStreamClient, messages: readonly SignedMessage[], concurrency = 100): Promise<void> {
  await inFlight(
    messages.length,
    concurrency,
    async (i) => void (await js.publish(messages[i].subject, messages[i].data, { msgID: messages[i].id })),
  );
}

/** Counts, per message id, how many times the hub's inbox committed it as applied. */
export function appliedCounter(hub: INestApplication): Map<string, number> {
  const applied = new Map<string, number>();
  hub.get(InboxProcessor).onCommitted = ({ envelope, outcome }) => {
    if (outcome === 'applied') applied.set(envelope.id, (applied.get(envelope.id) ?? 0) + 1);
  };
  return applied;
}

/** Waits until every one of `ids` was applied. */
export async function allApplied(applied: Map<string, number>, ids: readonly string[], timeoutMs = 600_000): Promise<void> {
  await waitFor(
    `${ids.length} messages applied`,
    () => ids.filter((id) => applied.has(id)).length,
    (n) => n === ids.length,
    {
      timeoutMs,
      intervalMs: 20,
    },
  );
}
