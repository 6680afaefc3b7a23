import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { RegisterServiceUser } from '../care';
import { PlacementView, StartCareDto } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { BrokerageQueries } from './brokerage.queries';

/**
 * The admin starts the care of the person a placement was for, once the council has given their
 * details against its reference: in one transaction, the person is added under Care (their locality
 * and how care is paid for are the placement's, the first day the co-op offered unless another is
 * given) and the placement records who it became, under the placement's lock, so it becomes one
 * person only. Nothing of this goes to the hub: the commissioner already sees the package as placed.
 */
@Injectable()
export class StartCare {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterServiceUser,
    private readonly queries: BrokerageQueries,
  ) {}

  async execute(requestId: string, dto: StartCareDto, by: Principal): Promise<PlacementView> {
    return this.dataSource.transaction(async (m) => {
      const [placement]: { locality: string; funding_type: string; can_start_on: string; service_user_id: string | null }[] = await m.query(
        'SELECT locality, funding_type, can_start_on, service_user_id FROM brokerage_placement WHERE request_id = $1 FOR UPDATE',
        [requestId],
      );
      if (!placement) throw BrokerageErrors.placementNotFound(requestId);
      if (placement.service_user_id) throw BrokerageErrors.careAlreadyStarted(requestId, placement.service_user_id);
      const person = await this.register.register(m, {
        fullName: dto.fullName,
        dateOfBirth: dto.dateOfBirth,
        address: dto.address,
        locality: placement.locality,
        fundingType: placement.funding_type as never,
        startedOn: dto.startedOn ?? placement.can_start_on,
      });
      await m.query(
        'UPDATE brokerage_placement SET service_user_id = $2, care_started_at = now(), care_started_by = $3 WHERE request_id = $1',
        [requestId, person.id, by.subject],
      );
      return this.queries.placement(requestId, m);
    });
  }
}
