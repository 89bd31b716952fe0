/**
 * `npm run bench`: every benchmark part, one after the other, whatever the
 * previous ones reported — each budget is reported even when an earlier one
 * was missed. Exits 1 when any part missed a budget (or failed), after all ran.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PARTS = ['run.ts', 'match.ts', 'chromium.ts', 'page.ts', 'library.ts'];
const here = import.meta.dirname;
const results: Array<{ part: string; status: number | null; seconds: number }> = [];
for (const part of PARTS) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, part), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  results.push({ part, status: run.status, seconds: (Date.now() - started) / 1000 });
}
console.log('\nBenchmark parts');
for (const r of results)
  console.log(`  ${r.status === 0 ? '✓' : '✗'} ${r.part.padEnd(12)} exit ${r.status}  (${r.seconds.toFixed(0)} s)`);
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1;
