/**
 * `npm run bench` part (issue 10, item 5): a hostile tab must not slow another
 * tab's scan by more than 2×. The background service as the extension builds
 * it (real detector, the fair detection queue, memory reports), in Node:
 *
 * 1. a normal page's scan alone (the text of a 10,000-word article with its
 *    allegations, segmented and prefiltered in the background, as the
 *    content script hands it over);
 * 2. the same while one hostile tab floods the background with scans of the
 *    longest text a message holds, all of it sentences of 2,000 characters
 *    that pass the prefilter, keeping as many waiting as it may
 *    (a replace and appends, again and again) — budget ≤ 2× alone;
 * 3. the same with two hostile tabs (info); three rounds of 1–3, three scans
 *    each, medians of nine;
 * 4. the NLP time of a slice between two yields to the event loop (a
 *    message, the popup, another tab waits at most about that long), median
 *    and longest (info: one sentence of 2,000 characters cannot be cut).
 *
 * Prints one line per figure; with `--json`, ends with one JSON line.
 * Exits 1 when a budget is missed. Wall-clock figures on a shared machine:
 * run once, not in a loop.
 */

import type { Badge } from '../../src/background/badge';
import { createDetectQueue } from '../../src/background/detect-queue';
import type { Library } from '../../src/background/library';
import { createMemoryReportStore } from '../../src/background/report-store';
import { createBackgroundService, type Sender } from '../../src/background/service';
import { Detector } from '../../src/core/detect';
import { candidateSegments } from '../../src/core/prefilter';
import type { Segment } from '../../src/core/types';
import { LIMITS } from '../../src/messaging/protocol';
import { syntheticArticle } from './article';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const tab = (id: number): Sender => ({ id: RUNTIME_ID, url: `https://news.example/${id}`, tab: { id }, frameId: 0 });

const library = {
  ready: async () => {},
  counterStatements: async () => [],
} as unknown as Library;
const badge: Badge = { setCount: async () => {} };

const detector = new Detector();
detector.detect('Warm-up: Chinese hackers breached the network, Beijing denied it.');

// The NLP time of each slice: the detector's time per sentence, summed between the queue's pauses.
let sliceMs = 0;
let longestSlice = 0;
const slices: number[] = [];
/** Hostile sentences the detector has read: how many ran while a normal scan was waiting. */
let hostileRead = 0;
const timed = {
  detectSegments: (segments: Segment[]) => detector.detectSegments(segments),
  *detectEach(segments: readonly Segment[]) {
    const steps = detector.detectEach(segments);
    for (let i = 0; ; i++) {
      const t = performance.now();
      const step = steps.next();
      sliceMs += performance.now() - t;
      if (step.done === true) return;
      if (segments[i]?.text.startsWith('Officials said')) hostileRead++;
      yield step.value;
    }
  },
};
const queue = createDetectQueue({
  pause: async () => {
    longestSlice = Math.max(longestSlice, sliceMs);
    slices.push(sliceMs);
    sliceMs = 0;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  },
});
const service = createBackgroundService({
  createDetector: () => timed,
  reports: createMemoryReportStore(),
  badge,
  library,
  runtimeId: RUNTIME_ID,
  extensionOrigin: ORIGIN,
  log: { warn: () => {} },
  detectQueue: queue,
});
type Slice = { offset: number; text: string };
const scan = (tabId: number, mode: 'replace' | 'append', slice: Slice) =>
  service.handleMessage({ type: 'scan', mode, ...slice }, tab(tabId)) as Promise<unknown>;

// The normal page: what its content script sends (its text) from a 10,000-word news article about
// cyber attacks (every allegation sentence of the synthetic article in it).
const article = syntheticArticle(10_000, Number.POSITIVE_INFINITY);
const normal: Slice = { offset: 0, text: article };
const normalSentences = candidateSegments(article).length;

// The hostile page: the longest sentences allowed, full of what the NLP reads closely.
const HOSTILE =
  'Officials said that Russian military intelligence hackers broke into the networks of the ministry and leaked ' +
  'the files of its negotiators, while Moscow denied any involvement and accused Washington of a provocation. ';
/** The `n`th message of a hostile tab: as many 2,000-character sentences as a message holds, one a line. */
function hostileMessage(n: number): Slice {
  const count = Math.floor(LIMITS.maxScanTextChars / (LIMITS.maxSentenceChars + 1));
  const lines = Array.from(
    { length: count },
    (_, i) => `${HOSTILE.repeat(12)}`.slice(0, LIMITS.maxSentenceChars - 12) + `${n * count + i}.`.padStart(12, ' '),
  );
  // Each append further on in the page's running text (one already read would be answered from the report).
  return { offset: n * (LIMITS.maxScanTextChars + 2), text: lines.join('\n') };
}

/** A hostile tab keeping the background busy until `stop()`: a replace and appends, again and again. */
function flood(tabId: number): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    let round = 0;
    while (running) {
      const first = scan(tabId, 'replace', { ...hostileMessage(round * 10), offset: 0 });
      const more = Array.from({ length: LIMITS.maxQueuedScans - 1 }, (_, i) =>
        scan(tabId, 'append', hostileMessage(round * 10 + i + 1)).catch(() => {}),
      );
      await Promise.all([first, ...more]);
      round++;
    }
  })();
  return {
    async stop() {
      running = false;
      // A closed tab: its scans still waiting are dropped.
      await service.closeTab(tabId);
      await loop;
    },
  };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function normalScanTimes(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await scan(8, 'replace', normal);
    times.push(performance.now() - t);
  }
  return times;
}

async function normalScanMs(runs: number): Promise<number> {
  return median(await normalScanTimes(runs));
}

async function main(): Promise<void> {
  await normalScanMs(5); // warm-up (the detector's lazily built tables, the JIT)
  // Rounds of: alone, then while one hostile tab floods, then while two do; medians over the
  // rounds, so that the machine's own load, which drifts, weighs on each about the same.
  const alone: number[] = [];
  const withOne: number[] = [];
  const withTwo: number[] = [];
  const readDuring: number[] = [];
  for (let round = 0; round < 3; round++) {
    alone.push(...(await normalScanTimes(3)));
    const one = flood(7);
    // Let the hostile tab's backlog build up first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = hostileRead;
    withOne.push(...(await normalScanTimes(3)));
    readDuring.push((hostileRead - before) / 3);
    await one.stop();
    const two = [flood(7), flood(9)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    withTwo.push(...(await normalScanTimes(3)));
    await Promise.all(two.map((f) => f.stop()));
  }
  const aloneMs = median(alone);
  const oneMs = median(withOne);
  const twoMs = median(withTwo);

  const results = [
    {
      name: `normal page scan alone (${normal.text.length.toLocaleString('en')} characters, ${normalSentences} candidate sentences)`,
      value: `${aloneMs.toFixed(1)} ms`,
      budget: 'info',
      ok: true,
    },
    {
      name: 'the same, one hostile tab flooding',
      value: `${oneMs.toFixed(1)} ms (${(oneMs / aloneMs).toFixed(2)}×)`,
      budget: '≤ 2× alone',
      ok: oneMs <= 2 * aloneMs,
    },
    {
      name: 'the same, two hostile tabs flooding',
      value: `${twoMs.toFixed(1)} ms (${(twoMs / aloneMs).toFixed(2)}×)`,
      budget: 'info',
      ok: true,
    },
    {
      name: 'hostile sentences read during one normal scan (worst round)',
      value: `${Math.max(...readDuring).toFixed(1)}`,
      budget: 'info',
      ok: true,
    },
    {
      name: `NLP slice between two yields, median of ${slices.length}`,
      value: `${median(slices).toFixed(1)} ms`,
      budget: 'info',
      ok: true,
    },
    {
      // One sentence of 2,000 characters is the smallest slice: the most a scan arriving waits for.
      name: 'longest NLP slice (one sentence)',
      value: `${longestSlice.toFixed(1)} ms`,
      budget: 'info',
      ok: true,
    },
  ];
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\nFairness between tabs in the background (Node ${process.version})\n`);
  for (const r of results) {
    const mark = r.budget === 'info' ? ' ' : r.ok ? '✓' : '✗';
    console.log(
      `${mark} ${r.name.padEnd(width)}  ${r.value.padStart(22)}  ${r.budget === 'info' ? '' : `(budget ${r.budget})`}`,
    );
  }
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify({
        fairness_normal_scan_ms: Number(aloneMs.toFixed(1)),
        fairness_one_hostile_ms: Number(oneMs.toFixed(1)),
        fairness_two_hostile_ms: Number(twoMs.toFixed(1)),
        fairness_slowdown_one_hostile: Number((oneMs / aloneMs).toFixed(2)),
        fairness_slice_median_ms: Number(median(slices).toFixed(1)),
        fairness_longest_slice_ms: Number(longestSlice.toFixed(1)),
      }),
    );
  }
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

await main();
