/**
 * Counts the rows a Dexie database writes, per table, at the lowest layer
 * (DBCore `mutate`): every added, put or deleted row, however the caller
 * wrote it. Installed before the database opens. Used by the benchmark's
 * subscription update and by tests/unit/pack-update.test.ts.
 */
import type { Dexie } from 'dexie';

export type WriteCounts = Map<string, number>;

export function countWrites(db: Dexie): WriteCounts {
  const counts: WriteCounts = new Map();
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            // A range delete names no rows: counted as the whole table would be, which no update should do.
            const rows =
              req.type === 'deleteRange'
                ? Number.POSITIVE_INFINITY
                : req.type === 'delete'
                  ? req.keys.length
                  : req.values.length;
            if (rows > 0) counts.set(name, (counts.get(name) ?? 0) + rows);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return counts;
}

export function totalWrites(counts: WriteCounts): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}
