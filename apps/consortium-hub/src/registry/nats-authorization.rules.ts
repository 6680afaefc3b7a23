import { ASK_CATALOG, MESSAGE_CATALOG, MessageDefinition, SubjectScheme } from '@app/contracts';
import { nodeInboxPrefix } from '@app/federation';

/**
 * A co-op answers a live question on the reply subject the hub gave it (the hub's own inbox), which
 * lies outside its own subjects. allow_responses lets it publish there only after receiving a message
 * with that reply subject, only once per question, and only for a while: long enough for the longest
 * deadline a question may have (15 s), no longer.
 */
export const LIVE_ANSWERS_PER_QUESTION = 1;
export const LIVE_ANSWER_WINDOW = '20s';

export interface NatsUser {
  coopId: string;
  publicKey: string;
}

/**
 * The message types a co-op may publish on the durable path: those the catalog sends from a co-op to
 * the hub over JetStream (each version shares its type's subject).
 */
export function coopDurableTypes(catalog: readonly MessageDefinition[] = MESSAGE_CATALOG): string[] {
  return [...new Set(catalog.filter((d) => d.direction === 'coop-to-hub' && d.transport === 'durable').map((d) => d.type))].sort();
}

/**
 * The NATS server's authorization block, written from the registry so nobody edits it by hand.
 * The hub may do anything. Each co-op may publish its own heartbeat and, on its own subjects, exactly
 * the message types the catalog lets a co-op send, and its own asks to the hub: a made-up type is refused by the server itself, so
 * a co-op cannot open subjects of its own (a stream's per-subject limits then bound its backlog). It
 * may pull, inspect and ack only its own durable consumer on the hub's stream, subscribe only to its
 * own reply inbox and to the hub's live questions, and answer each live question once on its reply
 * subject. It is never given the stream-wide read APIs (STREAM.MSG.GET, DIRECT.GET), which would read
 * any co-op's messages by sequence.
 */
export function natsAuthorization(scheme: SubjectScheme, hubPublicKey: string, coops: NatsUser[]): string {
  const quote = (s: string) => JSON.stringify(s);
  const stream = scheme.hubStream();
  const types = coopDurableTypes();
  const users = coops.map((c) => {
    const consumer = scheme.nodeConsumer(c.coopId);
    const publish = [
      ...types.map((type) => scheme.coopMessage(c.coopId, type)),
      scheme.coopHeartbeat(c.coopId),
      ...ASK_CATALOG.map((ask) => scheme.coopAsk(c.coopId, ask.name)),
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
      `$JS.API.CONSUMER.INFO.${stream}.${consumer}`,
      `$JS.ACK.${stream}.${consumer}.>`,
    ];
    const subscribe = [`${nodeInboxPrefix(c.coopId)}.>`, scheme.allQueries()];
    return [
      `    # co-op ${c.coopId}`,
      `    { nkey: ${quote(c.publicKey)}`,
      `      permissions: {`,
      `        publish: { allow: [${publish.map(quote).join(', ')}] }`,
      `        subscribe: { allow: [${subscribe.map(quote).join(', ')}] }`,
      `        allow_responses: { max: ${LIVE_ANSWERS_PER_QUESTION}, expires: ${quote(LIVE_ANSWER_WINDOW)} }`,
      `      } }`,
    ].join('\n');
  });
  return [
    '# Written by the consortium hub from its registry (NATS_AUTH_FILE, or "consortium-hub nats-config").',
    '# Do not edit: the hub rewrites it when a co-op is provisioned, leaves or comes back, and at its start,',
    '# then has the server reload it (NATS_SERVER_PID_FILE).',
    'authorization {',
    '  users = [',
    '    # the consortium hub',
    `    { nkey: ${quote(hubPublicKey)} }`,
    ...users,
    '  ]',
    '}',
    '',
  ].join('\n');
}
