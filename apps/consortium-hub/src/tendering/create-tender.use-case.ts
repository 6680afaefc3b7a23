import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { lotTermsProblem } from './lot-change.rules';
import { TenderStore } from './tender.store';
import { CreateTenderDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/** Consortium staff (or a commissioner) write down a council tender and its lots, as a draft. */
@Injectable()
export class CreateTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
  ) {}

  async execute(dto: CreateTenderDto, by: Principal): Promise<{ id: string }> {
    const deadline = new Date(dto.deadline);
    if (deadline <= new Date()) throw TenderingErrors.deadlineInPast();
    const lots = dto.lots.map((l, i) => ({ ...l, reference: l.reference ?? String(i + 1) }));
    for (const lot of lots) {
      const problem = lotTermsProblem(lot);
      if (problem) throw TenderingErrors.lot({ ...problem, message: `lot ${lot.reference}: ${problem.message}` });
    }
    const twice = lots.find((l, i) => lots.findIndex((o) => o.reference === l.reference) !== i);
    if (twice) throw TenderingErrors.duplicateReference(twice.reference);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query('INSERT INTO tender (id, title, buyer, description, deadline, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        dto.title,
        dto.buyer,
        dto.description ?? null,
        deadline,
        by.subject,
      ]);
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
        });
      }
    });
    return { id };
  }
}
