import type { EntityManager } from 'typeorm';

const CHUNK = 2000;

/**
 * Inserts many rows with one statement per chunk: each column travels as one typed array and
 * `unnest` zips them back into rows, so thousands of visits cost a handful of round trips.
 * `columns` maps each column to its PostgreSQL type; table and column names are the seed's own, never input.
 */
export async function insertMany<K extends string>(
  m: EntityManager,
  table: string,
  columns: Record<K, string>,
  rows: Record<K, unknown>[],
): Promise<void> {
  const names = Object.keys(columns) as K[];
  const arrays = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await m.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays})`,
      names.map((name) => chunk.map((row) => row[name] ?? null)),
    );
  }
}
