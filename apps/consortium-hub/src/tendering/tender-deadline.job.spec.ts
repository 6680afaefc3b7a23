import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AssembleDueBid } from './assemble-due-bid.use-case';
import { TenderDeadlineJob } from './tender-deadline.job';

describe('the tender deadline sweep', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const jobWith = (due: string[], byDate: (id: string) => Promise<boolean>) => {
    const query = jest.fn().mockResolvedValue(due.map((id) => ({ id })));
    const job = new TenderDeadlineJob({ query } as unknown as DataSource, { execute: jest.fn(byDate) } as unknown as AssembleDueBid);
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

  it('looks for inviting tenders past their deadline and for assembling ones still without a bid', async () => {
    const { job, query } = jobWith([], async () => true);
    await job.assembleDue();
    expect(query.mock.calls[0][0]).toMatch(
      /stage = 'inviting' AND deadline <= now\(\)\) OR \(stage = 'assembling' AND assembled_at IS NULL\)/,
    );
  });
});
