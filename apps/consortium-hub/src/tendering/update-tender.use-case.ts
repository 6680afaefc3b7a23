import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { enquiryPeriodProblem } from './enquiry.rules';
import { lotChangeRefusal } from './lot-change.rules';
import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { UpdateTenderDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/**
 * Changes a tender's title, buyer, description, deadline or enquiry period while it is a draft or
 * inviting (and its deadline has not passed). Co-ops already invited get the new terms and timetable;
 * their offers stand, since no lot changed. An enquiry period moved on (extended, or set again after it
 * ended, as a clarification deadline often is) takes questions again until its new end.
 */
@Injectable()
export class UpdateTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: UpdateTenderDto, by: Principal): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      const now = this.clock.now();
      const refusal = lotChangeRefusal(tender.stage, tender.deadline, now);
      if (refusal) {
        const message = refusal.message
          .replace('the lots of a tender that is', 'a tender that is')
          .replace('the lots can', 'the tender can');
        throw TenderingErrors.lot({ ...refusal, rule: 'TENDERING.TENDER_FIXED', message });
      }
      const deadline = dto.deadline ? new Date(dto.deadline) : tender.deadline;
      if (dto.deadline && deadline <= now) throw TenderingErrors.deadlineInPast();
      // A new period without a start keeps the start it had (from the invitation when it had none).
      const period = dto.enquiryPeriod
        ? {
            startDate: dto.enquiryPeriod.startDate ? new Date(dto.enquiryPeriod.startDate) : tender.enquiryStartsAt,
            endDate: new Date(dto.enquiryPeriod.endDate),
          }
        : null;
      const badPeriod = enquiryPeriodProblem(period, deadline, now);
      if (badPeriod) throw TenderingErrors.enquiry(badPeriod);
      if (!period && tender.enquiryEndsAt && deadline <= tender.enquiryEndsAt)
        throw TenderingErrors.deadlineBeforeDates(`the enquiry period's end, ${tender.enquiryEndsAt.toISOString()}`);
      const lateLot = (await this.store.openLots(m, id)).find((l) => l.deadline && l.deadline > deadline);
      if (lateLot) throw TenderingErrors.deadlineBeforeDates(`lot ${lateLot.reference}'s deadline, ${lateLot.deadline!.toISOString()}`);
      const enquiryStartsAt = period ? period.startDate : tender.enquiryStartsAt;
      const enquiryEndsAt = period ? period.endDate : tender.enquiryEndsAt;
      await m.query(
        `UPDATE tender SET title = $2, buyer = $3, description = $4, deadline = $5, enquiry_starts_at = $6, enquiry_ends_at = $7,
                enquiries_closed_at = CASE WHEN $8 THEN NULL ELSE enquiries_closed_at END, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.title ?? tender.title,
          dto.buyer ?? tender.buyer,
          dto.description ?? tender.description,
          deadline,
          enquiryStartsAt,
          enquiryEndsAt,
          !!period,
        ],
      );
      if (tender.stage === 'inviting') {
        await this.invitations.resend(m, {
          ...tender,
          title: dto.title ?? tender.title,
          buyer: dto.buyer ?? tender.buyer,
          deadline,
          enquiryStartsAt,
          enquiryEndsAt,
        });
        const moved = [
          dto.deadline ? `deadline moved from ${tender.deadline.toISOString()} to ${deadline.toISOString()}` : null,
          period && period.endDate.getTime() !== tender.enquiryEndsAt?.getTime()
            ? tender.enquiryEndsAt
              ? `enquiry period's end moved from ${tender.enquiryEndsAt.toISOString()} to ${period.endDate.toISOString()}`
              : `enquiry period set, ending ${period.endDate.toISOString()}`
            : null,
          period && period.startDate?.getTime() !== tender.enquiryStartsAt?.getTime()
            ? `enquiry period now opens ${period.startDate ? period.startDate.toISOString() : 'at the invitation'}`
            : null,
        ].filter((note): note is string => note !== null);
        if (moved.length > 0) await this.store.recordStage(m, id, tender.stage, tender.stage, by.subject, moved.join('; '));
      }
    });
    this.relay.nudge();
  }
}
