import { randomUUID } from 'node:crypto';

import {
  AnswerDecoding,
  buildMessage,
  Envelope,
  SPARE_CARE_HOURS_V1,
  SpareCareHoursAnswerV1,
  SpareCareHoursQuestionV1,
} from '@app/contracts';

import { Gathering, MemberCoop, summariseSpareCareHours, unregisteredLocality } from './live-questions.rules';

const QUESTION: SpareCareHoursQuestionV1 = { questionId: randomUUID(), weekStart: '2026-03-30' };
const GOOD = 'G'.repeat(86);
const FORGED = 'F'.repeat(86);

const answer = (coopId: string, over: Partial<SpareCareHoursAnswerV1> = {}): SpareCareHoursAnswerV1 => ({
  questionId: QUESTION.questionId,
  coopId,
  weekStart: QUESTION.weekStart,
  localities: [{ locality: 'Marsden', spareHours: 10.25 }],
  totalSpareHours: 20.5,
  ...over,
});
const decoded = (payload: SpareCareHoursAnswerV1, signature = GOOD): AnswerDecoding<SpareCareHoursAnswerV1> => ({
  ok: true,
  envelope: {
    ...buildMessage(SPARE_CARE_HOURS_V1.answer, payload, { coopId: payload.coopId }),
    signature,
  } as Envelope<SpareCareHoursAnswerV1>,
});
/** Stands in for the key check: only GOOD verifies, whichever co-op it claims. */
const gathering = (asked: string[]) =>
  new Gathering<SpareCareHoursAnswerV1>(
    new Set(asked),
    (a) => SPARE_CARE_HOURS_V1.mismatch(QUESTION, a),
    (e) => e.signature === GOOD,
  );

describe('gathering the answers to a live question', () => {
  it('counts a signed answer from a co-op that was asked, and is complete when all have answered', () => {
    const g = gathering(['marsden', 'meltham']);
    expect(g.offer(decoded(answer('marsden')))).toEqual({ counted: true, coopId: 'marsden' });
    expect(g.isComplete()).toBe(false);
    expect(g.offer(decoded(answer('meltham')))).toEqual({ counted: true, coopId: 'meltham' });
    expect(g.isComplete()).toBe(true);
    expect(g.ignored).toBe(0);
  });

  it('ignores a forged signature, another question or week, a co-op not asked, a second answer and a malformed one', () => {
    const g = gathering(['marsden']);
    const reasons = [
      g.offer(decoded(answer('marsden', { totalSpareHours: 9999 }), FORGED)),
      g.offer(decoded(answer('marsden', { questionId: randomUUID() }))),
      g.offer(decoded(answer('marsden', { weekStart: '2026-04-06' }))),
      g.offer(decoded(answer('golcar'))),
      g.offer({
        ok: false,
        code: 'invalid-envelope',
        reason: 'invalid envelope: signature must be an Ed25519 signature',
        claimedCoopId: 'marsden',
      }),
    ].map((j) => (j.counted ? 'counted' : `${j.code}: ${j.reason}`));
    expect(reasons).toEqual([
      "bad-signature: the signature is not marsden's",
      expect.stringMatching(/^not-this-question: answers question/),
      'not-this-question: answers for the week of 2026-04-06, not 2026-03-30',
      'not-asked: golcar was not asked (not an online member co-op)',
      'invalid-envelope: invalid envelope: signature must be an Ed25519 signature',
    ]);
    expect(g.isComplete()).toBe(false);
    expect(g.offer(decoded(answer('marsden'))).counted).toBe(true);
    expect(g.offer(decoded(answer('marsden', { totalSpareHours: 1 })))).toMatchObject({ counted: false, code: 'already-answered' });
    expect(g.answerOf('marsden')?.totalSpareHours).toBe(20.5);
    expect(g.ignored).toBe(6);
  });
});

describe('the summary of spare care hours', () => {
  const members: MemberCoop[] = [
    { coopId: 'marsden', name: 'Marsden Care', online: true, localities: ['Marsden'] },
    { coopId: 'meltham', name: 'Meltham Care', online: true, localities: ['Meltham'] },
    { coopId: 'slaithwaite', name: 'Slaithwaite Care', online: true, localities: ['Slaithwaite', 'Marsden'] },
    { coopId: 'golcar', name: 'Golcar Care', online: false, localities: ['Golcar'] },
  ];

  it('lists who replied, who was silent and who was offline, and adds up localities across co-ops', () => {
    const g = gathering(['marsden', 'meltham', 'slaithwaite']);
    g.offer(
      decoded(
        answer('marsden', {
          localities: [
            { locality: 'Marsden', spareHours: 10.1 },
            { locality: 'Slaithwaite', spareHours: -2.2 },
          ],
          totalSpareHours: 30.1,
        }),
      ),
    );
    g.offer(
      decoded(
        answer('meltham', {
          localities: [
            { locality: 'Meltham', spareHours: 0.2 },
            { locality: 'Marsden', spareHours: 0.2 },
          ],
          totalSpareHours: 0.2,
        }),
      ),
    );
    const summary = summariseSpareCareHours(members, g);
    expect(summary.asked).toEqual(['marsden', 'meltham', 'slaithwaite']);
    expect(summary.replied.map((r) => r.coopId)).toEqual(['marsden', 'meltham']);
    expect(summary.replied[0]).toEqual({
      coopId: 'marsden',
      name: 'Marsden Care',
      totalSpareHours: 30.1,
      localities: [
        { locality: 'Marsden', spareHours: 10.1 },
        { locality: 'Slaithwaite', spareHours: -2.2 },
      ],
    });
    expect(summary.notReplied).toEqual([
      { coopId: 'slaithwaite', name: 'Slaithwaite Care', reason: 'no-answer-in-time' },
      { coopId: 'golcar', name: 'Golcar Care', reason: 'offline' },
    ]);
    // 30.1 + 0.2 is 30.300000000000004 in floating point: the total is given to the hundredth.
    expect(summary.total).toEqual({
      spareHours: 30.3,
      perLocality: [
        { locality: 'Marsden', spareHours: 10.3 },
        { locality: 'Meltham', spareHours: 0.2 },
        { locality: 'Slaithwaite', spareHours: -2.2 },
      ],
    });
  });

  it('gives a zero total and nobody replied when nobody is online', () => {
    const summary = summariseSpareCareHours(
      members.map((m) => ({ ...m, online: false })),
      gathering([]),
    );
    expect(summary).toMatchObject({ asked: [], replied: [], total: { spareHours: 0, perLocality: [] } });
    expect(summary.notReplied.every((n) => n.reason === 'offline')).toBe(true);
  });
});

describe("an answer's localities", () => {
  it("must be among the co-op's public localities, compared as the registry compares them", () => {
    const answer = (...localities: string[]) => ({ localities: localities.map((locality) => ({ locality, spareHours: 5 })) });
    expect(unregisteredLocality(answer('Marsden', ' slaithwaite '), ['Marsden', 'Slaithwaite'])).toBeNull();
    expect(unregisteredLocality(answer('Marsden', 'Leeds'), ['Marsden'])).toBe(
      'the answer names "Leeds", not among the co-op\'s public localities',
    );
    expect(unregisteredLocality(answer(), [])).toBeNull();
  });
});
