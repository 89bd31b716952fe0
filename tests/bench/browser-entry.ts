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
import { countWrites, totalWrites } from './db-writes';
import { onePercentChanged, BENCH_QUERIES as QUERIES, syntheticPack } from './synthetic-pack';

/** The page's JS heap (Chromium with --enable-precise-memory-info), in MB. */
function heapMb(): number {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return (memory?.usedJSHeapSize ?? 0) / 1e6;
}

function gc(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

export interface BenchResult {
  n: number;
  importMs: number;
  /** Heap held by the pack before the import, and the most the import added to it. */
  packHeapMb: number;
  importHeapMb: number;
  /** A new matcher's first answer (its index read from IndexedDB), then answers once warm. */
  firstMatchMs: number;
  times: number[];
  /** A new version with 1 % of the claims changed, imported over the first. */
  updateMs: number;
  updateRows: number;
  updateByTable: Record<string, number>;
  /** Rows the first install wrote. */
  fullRows: number;
}

async function run(n: number): Promise<BenchResult> {
  const db = new CounterpointDB(`bench-${n}-${Date.now()}`);
  const writes = countWrites(db);
  await db.open();
  gc();
  const heap0 = heapMb();
  let pack: ReturnType<typeof syntheticPack> | undefined = syntheticPack(n);
  gc();
  const heapWithPack = heapMb();
  let peak = heapWithPack;
  const sampler = setInterval(() => {
    peak = Math.max(peak, heapMb());
  }, 5);
  writes.clear();
  const t0 = performance.now();
  await importPack(db, pack, { kind: 'file' });
  const importMs = performance.now() - t0;
  const fullRows = totalWrites(writes);
  clearInterval(sampler);
  peak = Math.max(peak, heapMb());
  pack = undefined;
  gc();

  const gazetteer = new Gazetteer(BUILTIN_ACTORS);
  const t1 = performance.now();
  await createDbMatcher(db, gazetteer).counterStatements(QUERIES[0] as (typeof QUERIES)[number]);
  const firstMatchMs = performance.now() - t1;
  const matcher = createDbMatcher(db, gazetteer);
  for (let i = 0; i < 2; i++) for (const q of QUERIES) await matcher.counterStatements(q);
  const times: number[] = [];
  for (let i = 0; i < 10; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      await matcher.counterStatements(q);
      times.push(performance.now() - t);
    }

  const next = onePercentChanged(syntheticPack(n));
  writes.clear();
  const t2 = performance.now();
  await importPack(db, next, { kind: 'url', url: 'https://example.org/pack.json' });
  const updateMs = performance.now() - t2;
  const updateByTable = Object.fromEntries(writes);
  db.close();
  await db.delete();
  return {
    n,
    importMs,
    packHeapMb: heapWithPack - heap0,
    importHeapMb: peak - heapWithPack,
    firstMatchMs,
    times,
    updateMs,
    updateRows: totalWrites(writes),
    updateByTable,
    fullRows,
  };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
