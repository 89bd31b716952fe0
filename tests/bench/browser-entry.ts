/**
 * Bundled by tests/bench/chromium.ts for a plain Chromium page: the same
 * Dexie database, import and matcher as the background worker, on the
 * browser's real IndexedDB.
 */
import { CounterpointDB } from '../../src/background/db/database';
import { importPack } from '../../src/background/db/packs';
import { createDbMatcher } from '../../src/background/matcher';
import { Gazetteer } from '../../src/core/actors/gazetteer';
import { BUILTIN_ACTORS } from '../../src/core/actors/index';
import { BENCH_QUERIES as QUERIES, syntheticPack } from './synthetic-pack';

async function run(n: number): Promise<{ n: number; importMs: number; times: number[] }> {
  const db = new CounterpointDB(`bench-${n}-${Date.now()}`);
  const t0 = performance.now();
  await importPack(db, syntheticPack(n), { kind: 'file' });
  const importMs = performance.now() - t0;
  const matcher = createDbMatcher(db, new Gazetteer(BUILTIN_ACTORS));
  for (let i = 0; i < 2; i++) for (const q of QUERIES) await matcher.counterStatements(q);
  const times: number[] = [];
  for (let i = 0; i < 10; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      await matcher.counterStatements(q);
      times.push(performance.now() - t);
    }
  db.close();
  await db.delete();
  return { n, importMs, times };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
