import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { CareErrors } from './care.errors';
import { birthViolation } from './care.rules';
import { ServiceUserQueries } from './service-user.queries';
import { RegisterServiceUserDto, ServiceUserView } from './service-users.dto';

/** Starts supporting a person, recording how their care is paid for. */
@Injectable()
export class RegisterServiceUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ServiceUserQueries,
  ) {}

  async execute(dto: RegisterServiceUserDto): Promise<ServiceUserView> {
    return this.dataSource.transaction((m) => this.register(m, dto));
  }

  /** In the caller's transaction: a placement won through brokerage starts a person's care with its own change. */
  async register(m: EntityManager, dto: RegisterServiceUserDto): Promise<ServiceUserView> {
    const violation = birthViolation(dto.dateOfBirth, dto.startedOn);
    if (violation) throw CareErrors.invalid(violation);
    const id = randomUUID();
    await m.query(
      `INSERT INTO service_user (id, full_name, date_of_birth, address, locality, funding_type, started_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, dto.fullName, dto.dateOfBirth, dto.address, dto.locality, dto.fundingType, dto.startedOn],
    );
    return this.queries.get(id, m);
  }
}
