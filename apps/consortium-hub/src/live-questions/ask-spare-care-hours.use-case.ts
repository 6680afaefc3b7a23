import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import {
  CoopStatus,
  decodeAnswer,
  encodeQuestion,
  mondayOf,
  SPARE_CARE_HOURS_V1,
  SpareCareHoursAnswerV1,
  SpareCareHoursQuestionV1,
} from '@app/contracts';
import { IntakeCounters, SIGNATURE_KEYS, SignatureKeys, verifySignature } from '@app/federation';

import { RegistryQueries } from '../registry';
import { AskSpareCareHoursDto, DEFAULT_DEADLINE_MS, SpareCareHoursResultView } from './live-questions.dto';
import { Gathering, summariseSpareCareHours, unregisteredLocality } from './live-questions.rules';
import { ScatterGather } from './scatter-gather.service';

/** Member co-ops are asked: registered or trading. Proposed, forming, suspended and left ones are not members who answer. */
const MEMBER_STATUSES: CoopStatus[] = ['registered', 'trading'];

/**
 * "How many care hours have you spare this week, by locality?" asked of every online member co-op at
 * once. Answers are counted as they come (see Gathering for which count); the hub stops waiting at
 * the deadline or when every co-op asked has answered, and says who replied, who did not and why.
 */
@Injectable()
export class AskSpareCareHours {
  private readonly logger = new Logger(AskSpareCareHours.name);

  constructor(
    private readonly registry: RegistryQueries,
    private readonly scatter: ScatterGather,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    private readonly counters: IntakeCounters,
  ) {}

  async execute(dto: AskSpareCareHoursDto): Promise<SpareCareHoursResultView> {
    const question: SpareCareHoursQuestionV1 = { questionId: randomUUID(), weekStart: dto.weekStart ?? mondayOf(new Date()) };
    const deadlineMs = dto.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const members = await this.registry.members(MEMBER_STATUSES);
    const localitiesOf = new Map(members.map((m) => [m.coopId, m.localities]));
    const asked = members.filter((m) => m.online).map((m) => m.coopId);
    // Keys are looked up before asking, so each answer is checked the moment it arrives.
    const keys = new Map(await Promise.all(asked.map(async (id) => [id, await this.keys.keyFor(id)] as const)));
    const gathering = new Gathering<SpareCareHoursAnswerV1>(
      new Set(asked),
      (answer) => SPARE_CARE_HOURS_V1.mismatch(question, answer) ?? unregisteredLocality(answer, localitiesOf.get(answer.coopId) ?? []),
      (envelope) => {
        const key = keys.get(envelope.coopId);
        return !!key && verifySignature(envelope, key);
      },
    );
    const askedAt = new Date();
    if (asked.length > 0) {
      await this.scatter.ask(SPARE_CARE_HOURS_V1.name, encodeQuestion(question), deadlineMs, (data) => {
        const judgement = gathering.offer(decodeAnswer(SPARE_CARE_HOURS_V1, data));
        if (!judgement.counted) {
          const refused = this.counters.refused('live-answers', judgement.code);
          if (refused)
            this.logger.warn({
              msg: 'live answer ignored',
              question: SPARE_CARE_HOURS_V1.name,
              correlationId: question.questionId,
              claimedCoopId: judgement.claimedCoopId,
              code: judgement.code,
              refused,
              reason: judgement.reason.slice(0, 500),
            });
        }
        return gathering.isComplete();
      });
    }
    const elapsedMs = Date.now() - askedAt.getTime();
    const summary = summariseSpareCareHours(members, gathering);
    this.logger.log({
      msg: 'live question closed',
      question: SPARE_CARE_HOURS_V1.name,
      correlationId: question.questionId,
      asked: asked.length,
      replied: summary.replied.length,
      ignored: gathering.ignored,
      elapsedMs,
    });
    const { replied, notReplied, total } = summary;
    return {
      questionId: question.questionId,
      weekStart: question.weekStart,
      askedAt: askedAt.toISOString(),
      deadlineMs,
      elapsedMs,
      asked,
      replied,
      notReplied,
      ignored: gathering.ignored,
      total,
    };
  }
}
