/**
 * `npm run bench`: the detection budgets of issue #2, measured in Node.
 *
 * 1. Prefilter throughput on ~20 MB of news-like text (budget ≥ 50 MB/s).
 * 2. Scanning a 10,000-word article with a handful of allegations: the
 *    prefiltered pipeline against compromise over the whole text (budget:
 *    ≥ 20× faster, identical allegations).
 *
 * Prints medians; exits non-zero when a budget is missed.
 */
import { isDeepStrictEqual } from 'node:util';
import { Detector } from '../../src/core/detect';
import { candidateSegments, prefilterHits } from '../../src/core/prefilter';
import { segment } from '../../src/core/segment';
import { syntheticArticle } from './article';
import { reportFigures } from './figures';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => unknown, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const results: Array<{ name: string; value: string; budget: string; ok: boolean }> = [];

// 1. Prefilter throughput.
const big = syntheticArticle(3_300_000, 5, 11); // ~20 MB
const mb = Buffer.byteLength(big, 'utf8') / 1e6;
prefilterHits(big);
const prefilterMs = time(() => prefilterHits(big), 5);
const prefilterMBs = mb / (prefilterMs / 1000);
results.push({
  name: `prefilter (${mb.toFixed(1)} MB)`,
  value: `${prefilterMBs.toFixed(0)} MB/s`,
  budget: '≥ 50 MB/s',
  ok: prefilterMBs >= 50,
});
const segMs = time(() => candidateSegments(big, segment(big)), 3);
results.push({
  name: 'segmentation + prefilter (content-script path)',
  value: `${(mb / (segMs / 1000)).toFixed(0)} MB/s`,
  budget: 'info',
  ok: true,
});

// 2. A 10,000-word article: prefiltered pipeline vs compromise over the whole text.
const article = syntheticArticle(10_000, 5, 7);
const words = article.split(/\s+/).length;
const detector = new Detector();
detector.detect('Warm-up: Chinese hackers breached the network.'); // loads compromise and the lexicons
detector.detectWholeText('Warm-up: des pirates russes ont piraté le réseau.');
const fast = detector.detect(article);
const slow = detector.detectWholeText(article);
const identical = isDeepStrictEqual(fast, slow);
// 25 runs (~10 ms each): with 7, the median moved between 9 and 13 ms from one run to the next here.
const fastMs = time(() => detector.detect(article), 25);
const slowMs = time(() => detector.detectWholeText(article), 3);
const speedup = slowMs / fastMs;
results.push({
  name: `scan ${words} words, prefiltered (${fast.allegations.length} allegations)`,
  value: `${fastMs.toFixed(1)} ms`,
  budget: 'info',
  ok: true,
});
results.push({
  name: `scan ${words} words, compromise over the whole text`,
  value: `${slowMs.toFixed(1)} ms`,
  budget: 'info',
  ok: true,
});
results.push({ name: 'speed-up', value: `${speedup.toFixed(1)}×`, budget: '≥ 20×', ok: speedup >= 20 });
results.push({
  name: 'identical allegations (prefiltered vs whole text)',
  value: String(identical),
  budget: 'true',
  ok: identical && fast.allegations.length > 0,
});

const width = Math.max(...results.map((r) => r.name.length));
console.log(`Counterpoint benchmarks (Node ${process.version})\n`);
for (const r of results) {
  const mark = r.budget === 'info' ? ' ' : r.ok ? '✓' : '✗';
  console.log(
    `${mark} ${r.name.padEnd(width)}  ${r.value.padStart(12)}  ${r.budget === 'info' ? '' : `(budget ${r.budget})`}`,
  );
}
if (!identical) {
  console.error('\nAllegations differ:\n', JSON.stringify({ fast: fast.allegations, slow: slow.allegations }, null, 1));
}
reportFigures(
  {
    prefilter_mb_s: Math.round(prefilterMBs),
    segment_prefilter_mb_s: Math.round(mb / (segMs / 1000)),
    scan_10k_words_prefiltered_ms: Number(fastMs.toFixed(1)),
    scan_speedup: Number(speedup.toFixed(1)),
    scan_identical: identical,
  },
  results.filter((r) => r.budget !== 'info').map((r) => ({ name: r.name, ok: r.ok })),
);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
