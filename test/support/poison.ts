import { randomUUID } from 'node:crypto';

/** A message no receiver may act on, and which must not hurt the receiver either. */
export interface Poison {
  name: string;
  data: Uint8Array;
}

const SIGNATURE = 'A'.repeat(86);

/**
 * Raw text of an envelope in the key order canonical JSON uses, so that only the poison in it (and
 * not its layout) is what a receiver has to deal with. The signature is well-formed but signs nothing.
 */
function envelopeText(coopId: string, type: string, payload: string): string {
  const id = randomUUID();
  return `{"coopId":"${coopId}","correlationId":"${id}","id":"${id}","occurredAt":"${new Date().toISOString()}","payload":${payload},"signature":"${SIGNATURE}","type":"${type}","version":1}`;
}

const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * Every kind of poison seen or feared on the mesh's subjects, claiming to come from `coopId`:
 * `1e-7` in a field with a decimal-places rule (class-validator's own check threw a TypeError on it),
 * a message of another type than the subject carries, `__proto__`, deep nesting, not JSON, and too big.
 */
export function poisons(coopId: string): Poison[] {
  const cycleId = randomUUID();
  const questionId = randomUUID();
  return [
    {
      name: 'a return figure written 1e-7',
      data: text(
        envelopeText(
          coopId,
          'reporting.return-submitted',
          `{"cycleId":"${cycleId}","definitionId":"ccm-quarterly","definitionVersion":1,"figures":[{"breakdown":null,"metric":"staff_headcount","value":1e-7}]}`,
        ),
      ),
    },
    {
      name: 'spare hours written 1e-7',
      data: text(
        envelopeText(
          coopId,
          'query.spare-care-hours-answer',
          `{"coopId":"${coopId}","localities":[{"locality":"Marsden","spareHours":1e-7}],"questionId":"${questionId}","totalSpareHours":1e-7,"weekStart":"2026-03-30"}`,
        ),
      ),
    },
    {
      name: 'a heartbeat where something else belongs',
      data: text(envelopeText(coopId, 'coop.heartbeat', '{"nodeVersion":"1.0.0","outboxUnconfirmed":0}')),
    },
    {
      name: 'a profile change where a heartbeat belongs',
      data: text(
        envelopeText(
          coopId,
          'coop.profile-updated',
          '{"legalForm":"community-benefit-society","localities":["Marsden"],"name":"Poison Co-op","nodeVersion":"1.0.0","servicesOffered":["personal-care"]}',
        ),
      ),
    },
    {
      name: 'a __proto__ key in a payload',
      data: text(envelopeText(coopId, 'coop.heartbeat', '{"__proto__":{"polluted":true},"nodeVersion":"1.0.0","outboxUnconfirmed":0}')),
    },
    {
      name: 'a __proto__ key in a question',
      data: text(`{"__proto__":{"polluted":true},"questionId":"${questionId}","weekStart":"2026-03-30"}`),
    },
    {
      name: 'a payload nested 100,000 deep',
      data: text(envelopeText(coopId, 'coop.heartbeat', `{"nodeVersion":${nested(100_000)},"outboxUnconfirmed":0}`)),
    },
    { name: 'a question nested 100,000 deep', data: text(`{"questionId":"${questionId}","weekStart":${nested(100_000)}}`) },
    { name: 'bytes that are not JSON', data: text('{"coopId": "x", nope') },
    { name: 'bytes that are not UTF-8', data: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
    {
      name: 'a message of 300 kB',
      data: text(envelopeText(coopId, 'coop.heartbeat', `{"nodeVersion":"${'x'.repeat(300 * 1024)}","outboxUnconfirmed":0}`)),
    },
  ];
}
