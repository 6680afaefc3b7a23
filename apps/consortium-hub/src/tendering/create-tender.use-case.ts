import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock, Principal } from '@app/platform';

import { enquiryPeriodProblem } from './enquiry.rules';
import { lotDeadlineProblem, lotTermsProblem } from './lot-change.rules';
import { TenderStore } from './tender.store';
import { CreateTenderDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/** Consortium staff (or a commissioner) write down a council tender and its lots, as a draft. */
@Injectable()
export class CreateTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly clock: Clock,
  ) {}

  async execute(dto: CreateTenderDto, by: Principal): Promise<{ id: string }> {
    const now = this.clock.now();
    const deadline = new Date(dto.deadline);
    if (deadline <= now) throw TenderingErrors.deadlineInPast();
    const enquiryPeriod = dto.enquiryPeriod
      ? {
          startDate: dto.enquiryPeriod.startDate ? new Date(dto.enquiryPeriod.startDate) : null,
          endDate: new Date(dto.enquiryPeriod.endDate),
        }
      : null;
    const badPeriod = enquiryPeriodProblem(enquiryPeriod, deadline, now);
    if (badPeriod) throw TenderingErrors.enquiry(badPeriod);
    const lots = dto.lots.map((l, i) => ({
      ...l,
      reference: l.reference ?? String(i + 1),
      deadline: l.deadline ? new Date(l.deadline) : null,
    }));
    for (const lot of lots) {
      const problem = lotTermsProblem(lot) ?? lotDeadlineProblem(lot.reference, lot.deadline, deadline, now);
      if (problem)
        throw TenderingErrors.lot(
          problem.rule === 'TENDERING.LOT_DATES' ? { ...problem, message: `lot ${lot.reference}: ${problem.message}` } : problem,
        );
    }
    const twice = lots.find((l, i) => lots.findIndex((o) => o.reference === l.reference) !== i);
    if (twice) throw TenderingErrors.duplicateReference(twice.reference);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query(
        'INSERT INTO tender (id, title, buyer, description, deadline, created_by, enquiry_starts_at, enquiry_ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          id,
          dto.title,
          dto.buyer,
          dto.description ?? null,
          deadline,
          by.subject,
          enquiryPeriod?.startDate ?? null,
          enquiryPeriod?.endDate ?? null,
        ],
      );
      await this.store.recordStage(m, id, null, 'draft', by.subject, null);
      for (const lot of lots) {
        await this.store.insertLot(m, {
          id: randomUUID(),
          tenderId: id,
          reference: lot.reference,
          title: lot.title,
          locality: lot.locality,
          serviceType: lot.serviceType,
          hoursPerWeek: lot.hoursPerWeek,
          ceilingPencePerHour: lot.ceilingPencePerHour,
          startsOn: lot.startsOn,
          endsOn: lot.endsOn,
          parentLotId: null,
          deadline: lot.deadline,
        });
      }
    });
    return { id };
  }
}
