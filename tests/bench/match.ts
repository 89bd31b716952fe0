/**
 * `npm run bench` (part 2): matching and import budgets of issue #3, in Node
 * with fake-indexeddb. Matching one allegation against 10,000 and 100,000
 * synthetic claims (p50 / p95 over varied allegations), with the Dexie-backed
 * matcher the background uses and with the in-memory index of the CLI;
 * importing a 100,000-claim pack (time, peak memory).
 */
import 'fake-indexeddb/auto';
import { CounterpointDB } from '../../src/background/db/database';
import { importPack } from '../../src/background/db/packs';
import { createDbMatcher } from '../../src/background/matcher';
import { Detector } from '../../src/core/detect';
import { ClaimIndex } from '../../src/core/match';
import { BENCH_QUERIES as QUERIES, syntheticPack } from './synthetic-pack';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

const detector = new Detector();
const rows: string[] = [];

for (const n of [10_000, 100_000]) {
  const pack = syntheticPack(n);
  const db = new CounterpointDB(`bench-${n}`);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  await importPack(db, pack, { kind: 'file' });
  const importMs = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push(
    `import ${n} claims (fake-indexeddb)      ${(importMs / 1000).toFixed(1)} s, peak RSS +${((peak - rss0) / 1e6).toFixed(0)} MB`,
  );

  const matcher = createDbMatcher(db, detector.gazetteer);
  const db_times: number[] = [];
  for (let i = 0; i < 3; i++) for (const q of QUERIES) await matcher.counterStatements(q);
  for (let i = 0; i < 8; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      await matcher.counterStatements(q);
      db_times.push(performance.now() - t);
    }
  const index = new ClaimIndex(detector.gazetteer).addPack(pack);
  const mem_times: number[] = [];
  for (const q of QUERIES) index.counterStatements(q);
  for (let i = 0; i < 8; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      index.counterStatements(q);
      mem_times.push(performance.now() - t);
    }
  rows.push(
    `match 1 allegation vs ${n} (Dexie/fake-idb)  p50 ${percentile(db_times, 50).toFixed(1)} ms, p95 ${percentile(db_times, 95).toFixed(1)} ms`,
  );
  rows.push(
    `match 1 allegation vs ${n} (in-memory)       p50 ${percentile(mem_times, 50).toFixed(1)} ms, p95 ${percentile(mem_times, 95).toFixed(1)} ms`,
  );
  db.close();
  await db.delete();
}

console.log('\nClaim matching and import (Node, fake-indexeddb; Chromium IndexedDB: tests/bench/chromium.ts)\n');
for (const r of rows) console.log(`  ${r}`);
