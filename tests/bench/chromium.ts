/**
 * The claim database at scale in real Chromium IndexedDB (issue 11).
 *
 *   tsx tests/bench/chromium.ts [--sizes 10000,100000] [--steps page,extension] [--build DIR] [--rebuild] [--cold-starts N]
 *
 * 1. In a plain page (browser-entry.ts bundled with esbuild, served on
 *    127.0.0.1, headless Debian Chromium through playwright-core), for each
 *    size: import a synthetic pack (time; heap the import adds, against the
 *    heap the pack itself takes), a new matcher's first answer, then matching
 *    p50 / p95 over the bench allegations once warm, then a new version with
 *    1 % of its claims changed imported over it (rows written, every table).
 * 2. With the built extension (--build DIR, default .output-bench, built
 *    when missing or older than src/): the service worker stopped through the
 *    DevTools protocol, a news page with one allegation opened, and the time
 *    from the worker's start to the first counter-statement in the tab's
 *    report (an extension page hears `reportChanged` and reads the report);
 *    with the seed pack alone, then with a 100,000-claim pack installed
 *    through the options page.
 *
 * Budgets at 100,000 claims: match p95 ≤ 5 ms; import ≤ 5 s, adding no more
 * heap than the pack takes; cold start to the first answer ≤ 200 ms; the 1 %
 * update writes ≤ 2 % of the rows a first install writes. Every step runs
 * whatever an earlier one measured; exit 1 when a budget is missed.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { SEED_PACK } from '../../src/data/seed-pack';
import { launchExtension } from '../e2e/support/extension';
import { fixtureHtml, loadExpectation } from '../e2e/support/highlights';
import { isolateNetwork } from '../e2e/support/network';
import { watchServiceWorker } from '../e2e/support/service-worker';
import type { BenchResult } from './browser-entry';
import { chromeBuildDir } from './build-dir';
import { type Budget, type Figure, reportFigures } from './figures';
import { BENCH_ALLEGATIONS, benchPageHtml, benchParagraphs } from './news-page';
import { syntheticPack } from './synthetic-pack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET = { matchP95Ms: 5, importS: 5, coldStartMs: 200, updateRowsShare: 0.02 } as const;
/**
 * Heap a 100,000-claim import added before issue 11 (one row per claim, same measure, commit 9be6b88):
 * "without doubling memory" is against this.
 */
const PREVIOUS_IMPORT_HEAP_MB = 106;
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    build: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    'cold-starts': { type: 'string', default: '5' },
    steps: { type: 'string', default: 'page,extension' },
  },
  // all.ts passes every part the same options (--json, --loads…).
  strict: false,
});
const SIZES = String(args.sizes)
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const STEPS = new Set(String(args.steps).split(','));
const COLD_STARTS = Math.max(1, Number(args['cold-starts']) || 5);

const pct = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const median = (xs: readonly number[]) => pct(xs, 50);
const spread = (xs: readonly number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

const figures: Record<string, Figure> = {};
const budgets: Budget[] = [];
function budget(name: string, ok: boolean): string {
  budgets.push({ name, ok });
  return mark(ok);
}

// ------------------------------------------------------------- 1. the page

async function pageBench(): Promise<void> {
  const bundle = await build({
    entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    alias: {
      '@core': new URL('../../src/core', import.meta.url).pathname,
      '@src': new URL('../../src', import.meta.url).pathname,
    },
    logLevel: 'error',
  });
  const js = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    console.log(`\nClaim database in Chromium (${CHROMIUM}, real IndexedDB)\n`);
    for (const n of SIZES) {
      const r = await page.evaluate(
        (size) => (globalThis as unknown as { runBench(n: number): Promise<BenchResult> }).runBench(size),
        n,
      );
      const k = `${n / 1000}k`;
      const p95 = pct(r.times, 95);
      const at100k = n === 100_000;
      figures[`chromium_match_p95_ms_${k}`] = Number(p95.toFixed(1));
      figures[`match_p95_ms_${k}`] = Number(p95.toFixed(2));
      figures[`import_s_${k}`] = Number((r.importMs / 1000).toFixed(2));
      figures[`import_heap_mb_${k}`] = Number(r.importHeapMb.toFixed(0));
      figures[`first_match_ms_${k}`] = Number(r.firstMatchMs.toFixed(1));
      figures[`subscription_update_rows_${k}`] = r.updateRows;
      figures[`subscription_update_s_${k}`] = Number((r.updateMs / 1000).toFixed(2));
      console.log(`${n.toLocaleString('en')} claims`);
      const importOk = r.importMs <= BUDGET.importS * 1000 && r.importHeapMb < 2 * PREVIOUS_IMPORT_HEAP_MB;
      console.log(
        `  ${at100k ? budget(`import of 100,000 claims ≤ ${BUDGET.importS} s, heap not doubled (< 2 × ${PREVIOUS_IMPORT_HEAP_MB} MB)`, importOk) : ' '} import ${(r.importMs / 1000).toFixed(2)} s; heap +${r.importHeapMb.toFixed(0)} MB at its peak during the import (the pack itself: ${r.packHeapMb.toFixed(0)} MB; before issue 11: +${PREVIOUS_IMPORT_HEAP_MB} MB)`,
      );
      console.log(
        `  ${at100k ? budget(`match p95 at 100,000 claims ≤ ${BUDGET.matchP95Ms} ms`, p95 <= BUDGET.matchP95Ms) : ' '} match p50 ${pct(r.times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...r.times).toFixed(1)} ms (${r.times.length} lookups once warm); a new matcher's first answer ${r.firstMatchMs.toFixed(0)} ms`,
      );
      const share = r.updateRows / r.fullRows;
      console.log(
        `  ${at100k ? budget(`a 1 % update of 100,000 claims writes ≤ ${BUDGET.updateRowsShare * 100} % of a first install's rows`, share <= BUDGET.updateRowsShare) : ' '} 1 % changed (${Math.round(n / 100)} claims): ${r.updateRows} rows written (${Object.entries(
          r.updateByTable,
        )
          .map(([t, c]) => `${t} ${c}`)
          .join(
            ', ',
          )}) against ${r.fullRows} for the first install (${(share * 100).toFixed(1)} %), in ${(r.updateMs / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

// -------------------------------------------------------- 2. the extension

const NEWS_URL = 'https://www.reuters.com/world/counterpoint-bench-cold-start';
const ANSWER = 'counterpoint-bench-answer';

async function coldStartBench(): Promise<void> {
  const buildDir = chromeBuildDir(typeof args.build === 'string' ? args.build : undefined, args.rebuild === true);
  const dir = await mkdtemp(join(tmpdir(), 'counterpoint-cold-'));
  const ext = await launchExtension(buildDir);
  try {
    const allegation = BENCH_ALLEGATIONS[3] as string; // Australia accuses Chinese state-backed hackers
    // A French page too (the seed article of Le Soir, its fixture in tests/e2e): French has its own library.
    const french = loadExpectation('lesoir-seed-004');
    await isolateNetwork(
      ext.context,
      [
        { url: NEWS_URL, html: benchPageHtml('Cold start', benchParagraphs(300, [allegation])) },
        { url: french.url, html: fixtureHtml(french.fixture) },
      ],
      [`chrome-extension://${ext.extensionId}`],
    );
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator(`tr[data-pack-id="${SEED_PACK.id}"]`).waitFor({ timeout: 60_000 });
    const worker = await watchServiceWorker(options, ext.extensionId);
    // The worker's own start, as DevTools reports it.
    const cdp = await ext.context.newCDPSession(options);
    let startedAt = Number.NaN;
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      (event: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
        if (event.versions.some((v) => v.scriptURL.includes(ext.extensionId) && v.runningStatus === 'starting'))
          startedAt = performance.now();
      },
    );
    await cdp.send('ServiceWorker.enable');
    let answeredAt = Number.NaN;
    options.on('console', (m) => {
      if (m.text().startsWith(ANSWER)) answeredAt = performance.now();
    });
    // The first report of the tab that holds a counter-statement.
    await options.evaluate((marker) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              onMessage: { addListener(f: (m: unknown) => void): void };
              sendMessage(m: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      api.runtime.onMessage.addListener((m) => {
        const change = m as { type?: string; tabId?: number };
        if (change.type !== 'reportChanged') return;
        void api.runtime.sendMessage({ type: 'getTabReport', tabId: change.tabId }).then((r) => {
          const report = (r as { report: { allegations: Array<{ counterStatements: unknown[] }> } | null }).report;
          if (report?.allegations.some((a) => a.counterStatements.length > 0)) console.log(`${marker} ${change.tabId}`);
        });
      });
    }, ANSWER);

    /** Closes the NLP host's document (Chromium's offscreen document, src/background/nlp-host/), if open. */
    const closeNlpHost = async () => {
      await worker.waitFor('running');
      const sw = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
      if (sw === undefined) throw new Error('no service worker');
      await sw.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: {
              runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
              offscreen: { closeDocument(): Promise<void> };
            };
          }
        ).chrome;
        if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0)
          await api.offscreen.closeDocument();
      });
    };

    /** Cold starts of the service worker; with `hostToo`, of the NLP host as well (as after a browser start). */
    const measure = async (url = NEWS_URL, hostToo = false): Promise<{ cold: number[]; total: number[] }> => {
      const cold: number[] = [];
      const total: number[] = [];
      for (let i = 0; i < COLD_STARTS; i++) {
        if (hostToo) await closeNlpHost();
        await worker.stop();
        startedAt = Number.NaN;
        answeredAt = Number.NaN;
        const page = await ext.context.newPage();
        const navigated = performance.now();
        await page.goto(url);
        const deadline = Date.now() + 60_000;
        while (Number.isNaN(answeredAt) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        if (Number.isNaN(answeredAt)) throw new Error('no counter-statement within 60 s of the page load');
        cold.push(answeredAt - startedAt);
        total.push(answeredAt - navigated);
        await page.close();
      }
      return { cold, total };
    };

    console.log(`\nService worker cold start to the first answer (${buildDir})\n`);
    const seed = await measure();
    console.log(
      `    seed pack only (${SEED_PACK.claims.length} claims): worker start → first counter-statement ${spread(seed.cold)}; page load → answer ${spread(seed.total)}`,
    );
    figures.sw_cold_start_ms_seed = Number(median(seed.cold).toFixed(0));
    const fr = await measure(french.url);
    console.log(
      `    a French page (Le Soir's article of the seed articles; seed pack only): worker start → first counter-statement ${spread(fr.cold)}; page load → answer ${spread(fr.total)}`,
    );
    figures.sw_cold_start_ms_fr = Number(median(fr.cold).toFixed(0));

    const file = join(dir, 'synthetic-100k.json');
    writeFileSync(file, JSON.stringify({ ...syntheticPack(100_000), id: 'bench-100k' }));
    await options.bringToFront();
    const t0 = performance.now();
    await options.locator('input[data-import="pack"]').setInputFiles(file);
    await options.locator('[data-status="ok"]').waitFor({ timeout: 600_000 });
    const importMs = performance.now() - t0;
    figures.extension_import_s_100k = Number((importMs / 1000).toFixed(1));
    console.log(
      `    100,000-claim pack installed from the options page in ${(importMs / 1000).toFixed(1)} s (file read, message, validation, import)`,
    );

    const big = await measure();
    const ok = median(big.cold) <= BUDGET.coldStartMs;
    console.log(
      `  ${budget(`service-worker cold start to the first answer with 100,000 claims ≤ ${BUDGET.coldStartMs} ms`, ok)} 100,000 claims installed: worker start → first counter-statement ${spread(big.cold)}; page load → answer ${spread(big.total)}`,
    );
    figures.sw_cold_start_ms_100k = Number(median(big.cold).toFixed(0));
    // What the claims cost the cold start: the rest (starting the worker, detection) is the same with the seed alone.
    const share = median(big.cold) - median(seed.cold);
    figures.sw_cold_start_db_ms_100k = Number(share.toFixed(0));
    console.log(
      `    the 100,000 claims' share of it (median with them − median with the seed alone): ${share.toFixed(0)} ms`,
    );
    // The NLP host outlives the worker (it closes itself after 20 idle minutes): after a browser
    // start, or a long pause, it starts cold with the worker, and its models are built first.
    const both = await measure(NEWS_URL, true);
    figures.cold_start_ms_100k_nlp_host_cold = Number(median(both.cold).toFixed(0));
    console.log(
      `    with the NLP host cold too (after a browser start, or 20 idle minutes): worker start → first counter-statement ${spread(both.cold)}; page load → answer ${spread(both.total)}`,
    );
    await worker.detach();
  } finally {
    await ext.close();
    await rm(dir, { recursive: true, force: true });
  }
}

let crashed = false;
for (const [name, step] of [
  ['page', STEPS.has('page') ? pageBench : null],
  ['extension', STEPS.has('extension') ? coldStartBench : null],
] as const) {
  if (step === null) continue;
  try {
    await step();
  } catch (error) {
    crashed = true;
    budgets.push({ name: `${name} step crashed`, ok: false });
    console.log(`✗ ${name} step crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
reportFigures(figures, budgets);
process.exitCode = crashed ? 2 : budgets.every((b) => b.ok) ? 0 : 1;
