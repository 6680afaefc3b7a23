import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SettableClock } from '@app/platform';

import { AssembleDueBid } from './assemble-due-bid.use-case';
import { MoveTenderByDate } from './move-tender-by-date.use-case';
import { TenderDeadlineJob } from './tender-deadline.job';

describe('the tender deadline sweep', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const NO_STEP = { closeEnquiries: false, closeLots: [], finalise: false };
  const jobWith = (
    due: string[],
    byDate: (id: string) => Promise<boolean>,
    dated: (id: string) => Promise<object> = async () => NO_STEP,
  ) => {
    const query = jest.fn().mockResolvedValue(due.map((id) => ({ id })));
    const clock = new SettableClock();
    clock.setTo(new Date('2031-05-06T07:08:09Z'));
    const job = new TenderDeadlineJob(
      { query } as unknown as DataSource,
      { execute: jest.fn(byDate) } as unknown as AssembleDueBid,
      { execute: jest.fn(dated) } as unknown as MoveTenderByDate,
      clock,
    );
    return { job, query };
  };

  it('carries on past a tender whose assembly fails, logging it, and assembles the others', async () => {
    const { job } = jobWith(['t1', 't2', 't3'], async (id) => {
      if (id === 't2') throw new Error('deadlock detected');
      return true;
    });
    await expect(job.assembleDue()).resolves.toEqual(['t1', 't3']);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.objectContaining({ tenderId: 't2', reason: 'deadlock detected' }));
  });

  it('leaves out a tender another sweep or staff already dealt with', async () => {
    const { job } = jobWith(['t1', 't2'], async (id) => id === 't2');
    await expect(job.assembleDue()).resolves.toEqual(['t2']);
  });

  it("looks for inviting tenders past their deadline and assembling ones still without a bid, by the app's clock", async () => {
    const { job, query } = jobWith([], async () => true);
    await job.assembleDue();
    expect(query.mock.calls[0][0]).toMatch(/stage = 'inviting' AND deadline <= \$1\) OR \(stage = 'assembling' AND assembled_at IS NULL\)/);
    expect(query.mock.calls[0][0]).not.toMatch(/now\(\)/);
    expect(query.mock.calls[0][1][0].getTime()).toBeGreaterThanOrEqual(Date.parse('2031-05-06T07:08:09Z'));
  });

  it('takes the dated steps of each tender due, counting only those that took one, and carries on past a failure', async () => {
    const { job, query } = jobWith(
      ['t1', 't2', 't3'],
      async () => true,
      async (id) => {
        if (id === 't3') throw new Error('lock timeout');
        return id === 't1' ? { ...NO_STEP, finalise: true } : NO_STEP;
      },
    );
    await expect(job.moveDue()).resolves.toEqual(['t1']);
    const sql = query.mock.calls[0][0] as string;
    for (const date of ['enquiry_ends_at <= $1', 'l.deadline <= $1', 'standstill_ends_at <= $1']) expect(sql).toContain(date);
    expect(sql).toMatch(/NOT EXISTS \(SELECT 1 FROM tender_challenge c WHERE c.tender_id = t.id AND c.outcome IS NULL\)/);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.objectContaining({ tenderId: 't3', reason: 'lock timeout' }));
  });
});
