import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { CarePlanQueries } from './care-plan.queries';
import { SafeguardingConcernQueries } from './safeguarding-concern.queries';
import { ServiceUserQueries } from './service-user.queries';
import { ServiceUserExportView, VisitRecordView } from './service-user-data.dto';
import { VisitRow } from './visit.queries';

const EXPLANATION: ServiceUserExportView['explanation'] = {
  serviceUser:
    'Your record as a person the co-op supports: your name, date of birth and address, the area you live in, how your care is paid for, and when support began and ended. If your details were erased, only the label, the area, the funding and the dates remain.',
  carePlans:
    'The care plans you agreed with the co-op: each goal you chose, in your own words, and how you scored it (1 to 10) for how well you do it and how satisfied you are, when the plan was agreed and again at review.',
  visits: 'Every visit planned for you: the kind of help, when, for how long, whether it happened, and the carer who came.',
  safeguardingConcerns:
    'Every safeguarding concern the co-op recorded about you: the kind of harm it was about (the Care Act 2014 categories), what was seen or heard, the day it was raised, whether and when it was referred to the council, and how it closed.',
};

/** What the node holds about one person supported, read in one consistent snapshot. */
@Injectable()
export class ServiceUserDataQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: ServiceUserQueries,
    private readonly plans: CarePlanQueries,
    private readonly concerns: SafeguardingConcernQueries,
  ) {}

  async export(id: string): Promise<ServiceUserExportView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const person = await this.people.get(id, m);
      const [{ erased_at }]: { erased_at: Date | null }[] = await m.query('SELECT erased_at FROM service_user WHERE id = $1', [id]);
      return {
        generatedAt: new Date().toISOString(),
        subject: { kind: 'service-user', serviceUserId: id },
        explanation: EXPLANATION,
        serviceUser: { ...person, erasedAt: erased_at ? new Date(erased_at).toISOString() : null },
        carePlans: await this.plans.allOf(m, id),
        visits: await this.visitsOf(m, id),
        safeguardingConcerns: await this.concerns.allOf(m, id),
      };
    });
  }

  private async visitsOf(manager: EntityManager, id: string): Promise<VisitRecordView[]> {
    const rows: (VisitRow & { carer_name: string })[] = await manager.query(
      `SELECT v.*, s.full_name AS carer_name FROM visit v JOIN staff s ON s.id = v.carer_id WHERE v.service_user_id = $1 ORDER BY v.planned_start, v.id`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      serviceUserId: r.service_user_id,
      carerId: r.carer_id,
      carerName: r.carer_name,
      serviceType: r.service_type,
      plannedStart: new Date(r.planned_start).toISOString(),
      plannedMinutes: r.planned_minutes,
      status: r.status,
      deliveredMinutes: r.delivered_minutes,
      contractId: r.contract_id,
    }));
  }
}
