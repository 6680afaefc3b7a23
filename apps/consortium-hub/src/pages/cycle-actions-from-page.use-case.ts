import { Injectable } from '@nestjs/common';

import { DomainError, Principal } from '@app/platform';
import { checkForm, FieldError } from '@app/web';

import { ExceptionGranted, GrantException, GrantExceptionDto, PublishRelease } from '../reporting';
import { EXCEPTION_MESSAGES, exceptionBody } from './cycle-pages.rules';

/**
 * A cycle's release published, or a co-op let submit after the lock, from the staff's cycle page: the
 * API's own DTO (as POST /reporting/cycles/:id/coops/:coopId/exception) and the API's own use cases (as
 * that and POST /reporting/cycles/:id/releases). A refusal comes back as an error beside the form's field,
 * with nothing stored changed. An exception form's fields are named `<field>-<coopId>`, one form per co-op.
 */
@Injectable()
export class CycleActionsFromPage {
  constructor(
    private readonly publishRelease: PublishRelease,
    private readonly grantException: GrantException,
  ) {}

  async publish(cycleId: string, by: Principal): Promise<{ release: number } | { errors: FieldError[] }> {
    try {
      const report = await this.publishRelease.execute(cycleId, by);
      return { release: report.release!.number };
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'not-found') throw error;
      return { errors: [{ field: 'publish', text: sentence(error.message) }] };
    }
  }

  async exception(
    target: { cycleId: string; coopId: string },
    form: Record<string, unknown>,
    by: Principal,
  ): Promise<{ granted: ExceptionGranted } | { errors: FieldError[] }> {
    const checked = await checkForm(GrantExceptionDto, exceptionBody(form), EXCEPTION_MESSAGES);
    const beside = (e: FieldError) => ({ ...e, field: `${e.field}-${target.coopId}` });
    if ('errors' in checked) return { errors: checked.errors.map(beside) };
    try {
      return { granted: await this.grantException.execute(target, checked.dto, by) };
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'not-found') throw error;
      return { errors: [beside({ field: 'until', text: sentence(error.message) })] };
    }
  }
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
