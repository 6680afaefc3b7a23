import { isCoopId } from './vocabulary';

/**
 * The subject naming scheme. Every subject starts with a root (`ccm` in production; a unique
 * root per test suite so suites never share traffic) and a scheme version.
 *
 *   <root>.v1.coop.<coopId>.msg.<type>     durable, node to hub (JetStream stream "<ROOT>_COOP")
 *   <root>.v1.coop.<coopId>.heartbeat      core NATS, node to hub
 *   <root>.v1.hub.<coopId>.msg.<type>      durable, hub to one node (JetStream stream "<ROOT>_HUB")
 *   <root>.v1.query.<name>                 core NATS request-many, hub to every online node
 *   <root>.v1.coop.<coopId>.ask.<name>     core NATS request and reply, one node asks the hub
 *
 * Live questions have a token of their own (`query`), never under `hub.<coopId>`: a co-op allowed to
 * hear them must not thereby hear any co-op's durable traffic.
 *
 * The co-op id is always its own token, so NATS permissions can confine a co-op to
 * `<root>.v1.coop.<its id>.>` and the hub can check a claimed co-op id against the subject.
 */
export const SUBJECT_SCHEME_VERSION = 'v1';

export interface SubjectScheme {
  readonly root: string;
  coopMessage(coopId: string, type: string): string;
  coopHeartbeat(coopId: string): string;
  hubMessage(coopId: string, type: string): string;
  allCoopMessages(): string;
  allHeartbeats(): string;
  allHubMessages(): string;
  hubMessagesFor(coopId: string): string;
  query(name: string): string;
  coopAsk(coopId: string, name: string): string;
  /** Every co-op's asks of one name, for the hub's subscription. */
  coopAsks(name: string): string;
  allQueries(): string;
  coopStream(): string;
  hubStream(): string;
  hubConsumer(): string;
  nodeConsumer(coopId: string): string;
  /** Which co-op and direction a durable subject belongs to, or null if it is not one of ours. */
  parse(subject: string): ParsedSubject | null;
}

export interface ParsedSubject {
  direction: 'coop-to-hub' | 'hub-to-coop';
  coopId: string;
  type: string;
}

const ROOT_PATTERN = /^[a-z][a-z0-9_]{0,30}$/;

export function subjectScheme(root = 'ccm'): SubjectScheme {
  if (!ROOT_PATTERN.test(root)) {
    throw new Error(`subject root "${root}" must be lower-case letters, digits or underscores, starting with a letter`);
  }
  const base = `${root}.${SUBJECT_SCHEME_VERSION}`;
  const streamBase = root.toUpperCase();
  const token = (coopId: string): string => {
    if (!isCoopId(coopId)) throw new Error(`"${coopId}" is not a valid co-op id`);
    return coopId;
  };
  return {
    root,
    coopMessage: (coopId, type) => `${base}.coop.${token(coopId)}.msg.${type}`,
    coopHeartbeat: (coopId) => `${base}.coop.${token(coopId)}.heartbeat`,
    hubMessage: (coopId, type) => `${base}.hub.${token(coopId)}.msg.${type}`,
    allCoopMessages: () => `${base}.coop.*.msg.>`,
    allHeartbeats: () => `${base}.coop.*.heartbeat`,
    allHubMessages: () => `${base}.hub.*.msg.>`,
    hubMessagesFor: (coopId) => `${base}.hub.${token(coopId)}.msg.>`,
    query: (name) => `${base}.query.${name}`,
    allQueries: () => `${base}.query.>`,
    coopAsk: (coopId, name) => `${base}.coop.${token(coopId)}.ask.${name}`,
    coopAsks: (name) => `${base}.coop.*.ask.${name}`,
    coopStream: () => `${streamBase}_COOP`,
    hubStream: () => `${streamBase}_HUB`,
    hubConsumer: () => 'hub',
    nodeConsumer: (coopId) => `node-${token(coopId)}`,
    parse(subject) {
      const parts = subject.split('.');
      if (parts.length < 6 || `${parts[0]}.${parts[1]}` !== base || parts[4] !== 'msg') return null;
      const side = parts[2];
      if (side !== 'coop' && side !== 'hub') return null;
      if (!isCoopId(parts[3])) return null;
      return {
        direction: side === 'coop' ? 'coop-to-hub' : 'hub-to-coop',
        coopId: parts[3],
        type: parts.slice(5).join('.'),
      };
    },
  };
}
