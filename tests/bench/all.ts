/**
 * `npm run bench`: every benchmark part, one after the other, whatever the
 * previous ones reported — each budget is reported even when an earlier one
 * was missed or a part crashed. Exits 1 when any part missed a budget (or
 * failed), after all ran.
 *
 *   npm run bench [-- --json] [-- options of the parts, e.g. --loads 5]
 *
 * With --json the parts' tables go to stderr and stdout holds one JSON line:
 * every part's key figures (medians; see figures.ts), the budgets missed, and
 * each part's exit status, with the date and the machine's load.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Budget, FIGURES_MARKER, type Figure } from './figures';

const here = import.meta.dirname;
// fairness.ts (the background between tabs) when present.
const PARTS = ['run.ts', 'match.ts', 'chromium.ts', 'page.ts', 'fairness.ts', 'library.ts'].filter((p) =>
  existsSync(join(here, p)),
);
const json = process.argv.includes('--json');
// Parts accept --json: some print their figures as one JSON line of their own, read here like the marked ones.
const forwarded = process.argv.slice(2);
const human = json ? process.stderr : process.stdout;

const figures: Record<string, Figure> = {};
const missed: string[] = [];
const results: Array<{ part: string; status: number | null; seconds: number }> = [];
const loadBefore = loadavg()[0] ?? 0;

function runPart(part: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, part), ...forwarded], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, COUNTERPOINT_BENCH_FIGURES: '1' },
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (json && line.startsWith('{')) {
        try {
          Object.assign(figures, JSON.parse(line) as Record<string, Figure>);
          return;
        } catch {
          // Not a figures line: printed as it is.
        }
      }
      if (!line.startsWith(FIGURES_MARKER)) {
        human.write(`${line}\n`);
        return;
      }
      try {
        const reported = JSON.parse(line.slice(FIGURES_MARKER.length)) as {
          figures: Record<string, Figure>;
          budgets: Budget[];
        };
        Object.assign(figures, reported.figures);
        for (const b of reported.budgets) if (!b.ok) missed.push(`${part}: ${b.name}`);
      } catch (error) {
        human.write(`(unreadable figures from ${part}: ${String(error)})\n`);
      }
    });
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
}

for (const part of PARTS) {
  const started = Date.now();
  const missedBefore = missed.length;
  const status = await runPart(part);
  results.push({ part, status, seconds: (Date.now() - started) / 1000 });
  // A part that failed without naming the budget (or crashed) is a miss all the same.
  if (status !== 0 && missed.length === missedBefore) missed.push(`${part}: exit ${status}`);
}
human.write('\nBenchmark parts\n');
for (const r of results)
  human.write(`  ${r.status === 0 ? '✓' : '✗'} ${r.part.padEnd(12)} exit ${r.status}  (${r.seconds.toFixed(0)} s)\n`);
if (missed.length > 0) human.write(`\nBudgets missed:\n${missed.map((m) => `  ✗ ${m}`).join('\n')}\n`);
if (json) {
  const line = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    load_before: Number(loadBefore.toFixed(2)),
    load_after: Number((loadavg()[0] ?? 0).toFixed(2)),
    ...figures,
    budgets_missed: missed,
    parts: Object.fromEntries(results.map((r) => [r.part, { exit: r.status, seconds: Math.round(r.seconds) }])),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1;
