/**
 * Matching in real Chromium IndexedDB: bundles browser-entry.ts with esbuild,
 * serves it on 127.0.0.1, runs it in headless Debian Chromium through
 * playwright-core and prints p50 / p95 (budget: p95 ≤ 10 ms at 100,000 claims).
 */
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { type Figure, reportFigures } from './figures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
  ],
});
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
let ok = true;
const figures: Record<string, Figure> = {};
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  console.log(`\nClaim matching in Chromium (${CHROMIUM}, real IndexedDB)\n`);
  for (const n of [10_000, 100_000]) {
    const r = await page.evaluate(
      (size) =>
        (globalThis as unknown as { runBench(n: number): Promise<{ importMs: number; times: number[] }> }).runBench(
          size,
        ),
      n,
    );
    const p95 = pct(r.times, 95);
    const budget = n === 100_000 ? (p95 <= 10 ? '✓' : '✗') : ' ';
    if (n === 100_000 && p95 > 10) ok = false;
    figures[`chromium_match_p95_ms_${n / 1000}k`] = Number(p95.toFixed(1));
    console.log(
      `${budget} ${String(n).padStart(7)} claims: import ${(r.importMs / 1000).toFixed(1)} s; match p50 ${pct(r.times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms${n === 100_000 ? ' (budget p95 ≤ 10 ms)' : ''}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
reportFigures(figures, [{ name: 'match p95 at 100,000 claims ≤ 10 ms', ok }]);
process.exitCode = ok ? 0 : 1;
