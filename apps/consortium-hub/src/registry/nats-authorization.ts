import { SubjectScheme } from '@app/contracts';
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
 * The NATS server's authorization block, written from the registry so nobody edits it by hand.
 * The hub may do anything; each co-op may publish only on its own subjects and pull, inspect and ack
 * only its own durable consumer on the hub's stream, subscribe only to its own reply inbox and to
 * the hub's live questions, and answer each live question once on its reply subject. It is never
 * given the stream-wide read APIs (STREAM.MSG.GET, DIRECT.GET), which would read any co-op's
 * messages by sequence.
 */
export function natsAuthorization(scheme: SubjectScheme, hubPublicKey: string, coops: NatsUser[]): string {
  const quote = (s: string) => JSON.stringify(s);
  const stream = scheme.hubStream();
  const users = coops.map((c) => {
    const consumer = scheme.nodeConsumer(c.coopId);
    const publish = [
      `${scheme.root}.v1.coop.${c.coopId}.>`,
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
    '# Written by "consortium-hub nats-config" from the hub\'s registry. Do not edit: run the command again',
    '# after a co-op is provisioned or leaves, then reload the server (nats-server --signal reload).',
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
