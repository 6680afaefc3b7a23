import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { SealedApplicationV1 } from '@app/contracts';

import { RecruitmentErrors } from './recruitment.errors';
import type { ApplicantStatus } from './recruitment.rules';

export interface LockedApplicant {
  id: string;
  vacancyId: string;
  fullName: string;
  status: ApplicantStatus;
  erased: boolean;
}

/**
 * An erased applicant keeps no application: the empty object marks it (a real application always has
 * its fields), with the name replaced by a label and the contact details emptied.
 */
export const ERASED_APPLICATION = '{}';

/** Applicants, written and locked in the caller's transaction. */
@Injectable()
export class ApplicantStore {
  async lock(m: EntityManager, id: string): Promise<LockedApplicant> {
    const [row]: { id: string; vacancy_id: string; full_name: string; status: ApplicantStatus; erased: boolean }[] = await m.query(
      `SELECT id, vacancy_id, full_name, status, application = '${ERASED_APPLICATION}'::jsonb AS erased FROM applicant WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw RecruitmentErrors.applicantNotFound(id);
    return { id: row.id, vacancyId: row.vacancy_id, fullName: row.full_name, status: row.status, erased: row.erased };
  }

  /** The application as it arrived, less name, contact and consent, which have columns of their own. */
  async insert(
    m: EntityManager,
    a: { id: string; hireRequestId: string; vacancyId: string; application: SealedApplicationV1 },
  ): Promise<void> {
    const { fullName, email, phone, consent, ...rest } = a.application;
    await m.query(
      `INSERT INTO applicant (id, hire_request_id, vacancy_id, full_name, email, phone, application, consent_wording_version, consent_given_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [a.id, a.hireRequestId, a.vacancyId, fullName, email, phone, JSON.stringify(rest), consent.wordingVersion, consent.givenAt],
    );
  }

  async decide(m: EntityManager, id: string, status: Exclude<ApplicantStatus, 'applicant'>, staffId: string | null = null): Promise<void> {
    await m.query('UPDATE applicant SET status = $2, staff_id = $3, decided_at = now() WHERE id = $1', [id, status, staffId]);
  }

  /** Every personal field goes; an applicant still undecided can no longer be hired, so is marked not hired. */
  async erase(m: EntityManager, id: string, label: string): Promise<void> {
    await m.query(
      `UPDATE applicant SET full_name = $2, email = '', phone = '', application = '${ERASED_APPLICATION}'::jsonb,
         status = CASE WHEN status = 'applicant' THEN 'not-hired' ELSE status END,
         decided_at = coalesce(decided_at, now())
       WHERE id = $1`,
      [id, label],
    );
  }
}
