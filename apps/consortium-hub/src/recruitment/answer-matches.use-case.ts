import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import {
  Envelope,
  PseudonymousProfileV1,
  RECRUITMENT_LIMITS,
  RECRUITMENT_MATCHES_ASK,
  RecruitmentMatchesAnswerV1,
  RecruitmentMatchesRequestV1,
  RequestStateShown,
} from '@app/contracts';
import { AskServer } from '@app/federation';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { fitOf, rankCandidates, shownAttributes } from './matching.rules';
import { PoolQueries } from './pool.queries';
import { PoolProfileStore } from './pool-profile.store';

type MatchesBody = Pick<RecruitmentMatchesAnswerV1, 'vacancyId' | 'matchedAt' | 'matches'>;

/**
 * A co-op asks which candidates fit one of its pooled vacancies; the hub answers with pseudonymous
 * profiles, ranked, each under an id made for this co-op alone, and whether this co-op already asked
 * for that candidate (waiting) or was declined. Only the co-op's own vacancy, and only while pooled.
 */
@Injectable()
export class AnswerMatches implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly asks: AskServer,
    private readonly pool: PoolQueries,
    private readonly profiles: PoolProfileStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.asks.serve(RECRUITMENT_MATCHES_ASK, (request) => this.execute(request));
  }

  async execute(request: Envelope<RecruitmentMatchesRequestV1>, now = new Date()): Promise<MatchesBody | { refused: string }> {
    const { coopId } = request;
    const { vacancyId } = request.payload;
    return this.dataSource.transaction(async (m) => {
      const vacancy = await this.pool.vacancyOf(coopId, vacancyId, m);
      if (!vacancy) return { refused: `vacancy ${vacancyId} is not one of ${coopId}'s in the pool: put it in the pool first` };
      if (vacancy.state !== 'pooled') return { refused: `vacancy ${vacancyId} is ${vacancy.state}, not in the pool` };
      const crowd = (await this.pool.candidatesFor(vacancy, m)).filter((c) => fitOf(c, vacancy) !== null);
      const ranked = rankCandidates(crowd, vacancy, RECRUITMENT_LIMITS.maxMatches);
      const shown = shownAttributes(crowd, this.config.RECRUITMENT_PROFILE_MIN_GROUP);
      const ids = await this.profiles.idsFor(
        m,
        coopId,
        ranked.map((r) => r.item.candidateId),
      );
      const states = await this.requestStates(m, coopId, [...ids.values()]);
      const matches: PseudonymousProfileV1[] = ranked.map((r) => {
        const profileId = ids.get(r.item.candidateId)!;
        const attributes = shown.get(r.item.candidateId)!;
        return {
          profileId,
          rank: r.rank,
          score: r.fit.score,
          fit: { hours: r.fit.hours, availableByStart: r.fit.availableByStart, checksValidOnStart: r.fit.checksValidOnStart },
          ...attributes,
          requested: states.get(profileId) ?? 'none',
        };
      });
      return { vacancyId, matchedAt: now.toISOString(), matches };
    });
  }

  /** This co-op's own requests for each profile: one waiting, or a decline (which bars asking again). */
  private async requestStates(m: EntityManager, coopId: string, profileIds: string[]): Promise<Map<string, RequestStateShown>> {
    if (profileIds.length === 0) return new Map();
    const rows: { profile_id: string; status: string }[] = await m.query(
      `SELECT p.profile_id, r.status FROM pool_profile p
         JOIN hire_request r ON r.candidate_id = p.candidate_id AND r.coop_id = p.coop_id
        WHERE p.coop_id = $1 AND p.profile_id = ANY ($2::uuid[]) AND r.status IN ('waiting', 'declined')`,
      [coopId, profileIds],
    );
    const states = new Map<string, RequestStateShown>();
    for (const r of rows) if (states.get(r.profile_id) !== 'declined') states.set(r.profile_id, r.status as RequestStateShown);
    return states;
  }
}
