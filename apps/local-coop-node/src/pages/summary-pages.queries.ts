import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The names the admin's time-bank page puts beside the API's volunteer ids (the co-op's own people, for its admin only). */
@Injectable()
export class SummaryPages {
  constructor(private readonly dataSource: DataSource) {}

  async volunteerNames(ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows: { id: string; full_name: string }[] = await this.dataSource.query(
      'SELECT id, full_name FROM volunteer WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.full_name]));
  }
}
