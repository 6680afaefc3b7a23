import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { ApplicationRow } from './application.mapper';
import { Application } from './application.rules';

/** A candidate's application: locked to be corrected, written whole. */
@Injectable()
export class ApplicationStore {
  async lock(m: EntityManager, candidateId: string): Promise<ApplicationRow | null> {
    const [row]: ApplicationRow[] = await m.query('SELECT * FROM candidate_application WHERE candidate_id = $1 FOR UPDATE', [candidateId]);
    return row ?? null;
  }

  async save(m: EntityManager, candidateId: string, a: Application, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO candidate_application (candidate_id, full_name, phone, localities, roles_sought, minutes_per_week, contract_types,
         earliest_start, right_to_work_evidence, right_to_work_expires_on, dbs_status, dbs_certificate_date, dbs_update_service,
         driving_licence, has_car, languages, statement, requires_real_living_wage, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19, $18, $18)
       ON CONFLICT (candidate_id) DO UPDATE SET full_name = EXCLUDED.full_name, phone = EXCLUDED.phone, localities = EXCLUDED.localities,
         roles_sought = EXCLUDED.roles_sought, minutes_per_week = EXCLUDED.minutes_per_week, contract_types = EXCLUDED.contract_types,
         earliest_start = EXCLUDED.earliest_start, right_to_work_evidence = EXCLUDED.right_to_work_evidence,
         right_to_work_expires_on = EXCLUDED.right_to_work_expires_on, dbs_status = EXCLUDED.dbs_status,
         dbs_certificate_date = EXCLUDED.dbs_certificate_date, dbs_update_service = EXCLUDED.dbs_update_service,
         driving_licence = EXCLUDED.driving_licence, has_car = EXCLUDED.has_car, languages = EXCLUDED.languages,
         statement = EXCLUDED.statement, requires_real_living_wage = EXCLUDED.requires_real_living_wage, updated_at = EXCLUDED.updated_at`,
      [
        candidateId,
        a.fullName,
        a.phone,
        a.localities,
        a.rolesSought,
        a.minutesPerWeek,
        a.contractTypes,
        a.earliestStart,
        a.rightToWork.evidence,
        a.rightToWork.expiresOn,
        a.dbs.status,
        a.dbs.certificateDate,
        a.dbs.onUpdateService,
        a.drivingLicence,
        a.hasCar,
        a.languages,
        a.statement,
        now,
        a.requiresRealLivingWage,
      ],
    );
  }
}
