import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApplicantStore } from './applicant.store';
import { ApplicantErasureView } from './applicants.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { erasedApplicantLabel } from './recruitment.rules';

/**
 * Erases an applicant's application at their request, or once the co-op no longer needs it: every
 * personal field goes in one transaction. A hired applicant's staff record is not touched: it is the
 * co-op's employment record, kept and erased on its own terms.
 */
@Injectable()
export class EraseApplicant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicants: ApplicantStore,
  ) {}

  async execute(id: string): Promise<ApplicantErasureView> {
    return this.dataSource.transaction(async (m) => {
      const applicant = await this.applicants.lock(m, id);
      if (applicant.erased) throw RecruitmentErrors.alreadyErased(id);
      const label = erasedApplicantLabel(id);
      await this.applicants.erase(m, id, label);
      const kept = [
        'the vacancy applied for, the request to hire and how it ended, the dates received and decided, and the outcome: the pool figures and the request history rest on them',
        'the version of the consent wording and when it was given: the record that the application came lawfully',
        'the audit trail of who read or changed the application',
      ];
      if (applicant.status === 'hired')
        kept.push('the staff record made when they were hired, unchanged: an employment record the co-op keeps on its own terms');
      return {
        applicantId: id,
        label,
        erasedAt: new Date().toISOString(),
        erased: [
          'name (replaced by the label)',
          'email',
          'phone',
          'the application: localities, roles, hours, contract types, start date, right to work, DBS, driving, languages, statement',
        ],
        kept,
      };
    });
  }
}
