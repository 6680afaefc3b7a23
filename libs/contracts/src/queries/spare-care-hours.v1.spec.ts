import { randomUUID } from 'node:crypto';

import { canonicalJson } from '../canonical-json';
import { buildMessage } from '../message-codec';
import { checkAgainst } from '../validation';
import { decodeAnswer, decodeQuestion, encodeQuestion } from './live-question';
import { SPARE_CARE_HOURS_ANSWER_V1, SPARE_CARE_HOURS_V1, SpareCareHoursAnswerV1, SpareCareHoursQuestionV1 } from './spare-care-hours.v1';
import { isMonday, mondayOf } from './week';

const QUESTION: SpareCareHoursQuestionV1 = { questionId: randomUUID(), weekStart: '2026-03-30' };
const answer = (over: Partial<SpareCareHoursAnswerV1> = {}): SpareCareHoursAnswerV1 => ({
  questionId: QUESTION.questionId,
  coopId: 'marsden',
  weekStart: QUESTION.weekStart,
  localities: [
    { locality: 'Marsden', spareHours: 12.5 },
    { locality: 'Slaithwaite', spareHours: -3.25 },
  ],
  totalSpareHours: 40,
  ...over,
});
/** Shaped like a signature; decodeAnswer checks shape only, the hub checks the key. */
const FAKE_SIGNATURE = 'A'.repeat(86);
const wire = (value: unknown) => Buffer.from(canonicalJson(value), 'utf8');
const signedEnvelope = (payload: SpareCareHoursAnswerV1, coopId = payload.coopId) => ({
  ...buildMessage(SPARE_CARE_HOURS_ANSWER_V1, payload, { coopId, correlationId: payload.questionId }),
  signature: FAKE_SIGNATURE,
});

describe('weeks', () => {
  it('accepts only real Mondays written YYYY-MM-DD', () => {
    expect(isMonday('2026-03-30')).toBe(true);
    expect(isMonday('2026-03-31')).toBe(false);
    expect(isMonday('2026-3-30')).toBe(false);
    expect(isMonday('2026-02-30')).toBe(false);
    expect(isMonday(20260330)).toBe(false);
  });

  it("finds this week's Monday on the London calendar, Sunday night and across the clock change", () => {
    expect(mondayOf(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-23'); // Sunday 23:30 BST
    expect(mondayOf(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // Monday 00:30 BST
    expect(mondayOf(new Date('2026-03-30T00:00:00Z'))).toBe('2026-03-30');
    expect(mondayOf(new Date('2026-01-04T23:59:00Z'))).toBe('2025-12-29'); // Sunday in GMT, across a year
  });
});

describe('the spare care hours question', () => {
  it('is read back as sent', () => {
    expect(decodeQuestion(SPARE_CARE_HOURS_V1, encodeQuestion(QUESTION))).toEqual({ ok: true, question: QUESTION });
  });

  it('refuses a week that does not start on a Monday, a bad id, extra fields and junk, naming the field', () => {
    const reason = (value: unknown) => {
      const decoded = decodeQuestion(SPARE_CARE_HOURS_V1, typeof value === 'string' ? Buffer.from(value) : wire(value));
      return decoded.ok ? 'accepted' : decoded.reason;
    };
    expect(reason({ ...QUESTION, weekStart: '2026-03-31' })).toMatch(/weekStart must be a Monday/);
    expect(reason({ ...QUESTION, questionId: 'nope' })).toMatch(/questionId must be a UUID/);
    expect(reason(`{"__proto__":{"x":1},"questionId":"${QUESTION.questionId}","weekStart":"2026-03-30"}`)).toMatch(
      /the key __proto__ is not allowed/,
    );
    expect(reason(`{"questionId":"${QUESTION.questionId}","weekStart":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).toMatch(
      /nested more than/,
    );
    expect(reason({ ...QUESTION, staffName: 'x' })).toMatch(/property staffName should not exist/);
    expect(reason('{not json')).toBe('message is not valid JSON');
    expect(reason([QUESTION])).toMatch(/must be a JSON object/);
  });

  it('says why an answer does not answer it', () => {
    expect(SPARE_CARE_HOURS_V1.mismatch(QUESTION, answer())).toBeNull();
    expect(SPARE_CARE_HOURS_V1.mismatch(QUESTION, answer({ questionId: randomUUID() }))).toMatch(/answers question/);
    expect(SPARE_CARE_HOURS_V1.mismatch(QUESTION, answer({ weekStart: '2026-04-06' }))).toMatch(/week of 2026-04-06/);
  });
});

describe('the spare care hours answer', () => {
  it('takes hours to the hundredth, negative included', () => {
    expect(checkAgainst(SpareCareHoursAnswerV1, answer()).ok).toBe(true);
  });

  it('refuses more decimals, repeated localities, unknown fields and a bad co-op id, naming the field', () => {
    const errors = (over: Record<string, unknown>) => {
      const checked = checkAgainst(SpareCareHoursAnswerV1, { ...answer(), ...over });
      return checked.ok ? [] : checked.errors;
    };
    expect(errors({ totalSpareHours: 1.234 }).join()).toMatch(/totalSpareHours must be a number of hours with at most 2 decimals/);
    expect(errors({ totalSpareHours: 'lots' }).join()).toMatch(/totalSpareHours must be a number/);
    expect(
      errors({
        localities: [
          { locality: 'Marsden', spareHours: 1 },
          { locality: 'Marsden', spareHours: 2 },
        ],
      }).join(),
    ).toMatch(/each locality once/);
    expect(errors({ localities: [{ locality: 'Marsden', spareHours: 1, carer: 'Ann Smith' }] }).join()).toMatch(
      /localities\.0.*carer should not exist/,
    );
    expect(errors({ localities: [{ locality: 'M', spareHours: 1 }] }).join()).toMatch(/localities\.0.*locality must be longer/);
    expect(errors({ coopId: 'Not A Coop' }).join()).toMatch(/coopId must be a co-op id/);
    expect(errors({ staffId: randomUUID() }).join()).toMatch(/property staffId should not exist/);
  });

  it('passes the structural gate only as a signed envelope of the right type from the co-op it names', () => {
    expect(decodeAnswer(SPARE_CARE_HOURS_V1, wire(signedEnvelope(answer())))).toMatchObject({
      ok: true,
      envelope: { coopId: 'marsden', payload: answer() },
    });
    const refused = (value: unknown) => {
      const decoded = decodeAnswer(SPARE_CARE_HOURS_V1, typeof value === 'string' ? Buffer.from(value) : wire(value));
      return decoded.ok ? 'accepted' : decoded.reason;
    };
    const { signature: _unsigned, ...unsigned } = signedEnvelope(answer());
    expect(refused(unsigned)).toMatch(/invalid envelope: signature must be an Ed25519 signature/);
    expect(refused(answer())).toMatch(/invalid envelope/);
    expect(refused({ ...signedEnvelope(answer()), type: 'coop.heartbeat' })).toMatch(
      /expected query.spare-care-hours-answer v1, got coop.heartbeat v1/,
    );
    expect(refused({ ...signedEnvelope(answer()), version: 2 })).toMatch(/got query.spare-care-hours-answer v2/);
    expect(refused(signedEnvelope(answer(), 'batley'))).toMatch(/from batley but the answer says marsden/);
    expect(refused({ ...signedEnvelope(answer()), payload: { ...answer(), totalSpareHours: '40' } })).toMatch(/payload: totalSpareHours/);
    expect(refused('x'.repeat(300 * 1024))).toMatch(/over the .*-byte limit/);
    expect(refused(JSON.stringify(signedEnvelope(answer()), null, 1))).toMatch(/not in canonical JSON/);
  });

  it('refuses 1e-7 hours (class-validator threw on it), __proto__ and deep nesting, with a reason, never throwing', () => {
    const text = canonicalJson(signedEnvelope(answer()));
    const decode = (t: string) => decodeAnswer(SPARE_CARE_HOURS_V1, Buffer.from(t));
    expect(decode(text.replace('"totalSpareHours":40', '"totalSpareHours":1e-7'))).toMatchObject({
      ok: false,
      code: 'invalid-payload',
      reason: expect.stringMatching(/totalSpareHours must be a number of hours with at most 2 decimals/),
    });
    expect(decode(text.replace('"questionId":', '"__proto__":{"x":1},"questionId":'))).toMatchObject({ ok: false, code: 'forbidden-key' });
    expect(decode(text.replace('"totalSpareHours":40', `"totalSpareHours":${'['.repeat(50_000)}${']'.repeat(50_000)}`))).toMatchObject({
      ok: false,
      code: 'too-deep',
    });
  });

  it('keeps the claimed co-op of a refused answer, for the log', () => {
    const decoded = decodeAnswer(SPARE_CARE_HOURS_V1, wire({ ...signedEnvelope(answer()), type: 'nope' }));
    expect(decoded).toMatchObject({ ok: false, claimedCoopId: 'marsden' });
  });
});
