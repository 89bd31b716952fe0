/**
 * Pages that load the page's thread (issue 10, points 2, 6 and 11), in
 * Chromium with the built extension. Only states are awaited, never time: the
 * timing budgets of the same pages are in `npm run bench` (tests/bench/page.ts).
 *
 * - 20,000 paragraphs appended one by one in one task: the allegation in the
 *   last one is painted, the page stays usable (the scan of them was quadratic).
 * - A node added and removed every 10 ms, without end: text added meanwhile is
 *   painted while the churn goes on (the settle wait restarted on every change).
 * - A page of more than 1,000,000 characters: the allegation after the first
 *   million is painted and counted (it was never scanned);
 * - a 5 MB page (the hostile-page corpus): read without a failure, and the popup says how many of
 *   its sentences were past what the background reads for one page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { BENCH_ALLEGATIONS, benchPageHtml, benchParagraphs } from '../bench/news-page';
import { type LoadedExtension, launchExtension } from './support/extension';
import { ALLEGATIONS_ATTRIBUTE, readPainted, waitForScan } from './support/highlights';
import { isolateNetwork, type NetworkLog } from './support/network';
import { PopupPage } from './support/popup-page';

declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } };

const SHORT_URL = 'https://www.reuters.com/world/counterpoint-e2e-page-load-short';
const LONG_URL = 'https://www.reuters.com/world/counterpoint-e2e-page-load-long';
const HUGE_URL = 'https://www.reuters.com/world/counterpoint-e2e-page-load-5mb';
const FIRST = BENCH_ALLEGATIONS[0] as string;
const SECOND = BENCH_ALLEGATIONS[1] as string;
const LAST = BENCH_ALLEGATIONS[2] as string;

/** Past the first million characters: ~170,000 words of quiet prose, an allegation at each end. */
const longParagraphs = [FIRST, ...benchParagraphs(170_000), LAST];
/** A 5 MB page (the hostile-page corpus): ~850,000 words, an allegation at each end and one in the middle. */
const hugeProse = benchParagraphs(850_000);
const hugeParagraphs = [
  FIRST,
  ...hugeProse.slice(0, hugeProse.length / 2),
  SECOND,
  ...hugeProse.slice(hugeProse.length / 2),
  LAST,
];

let ext: LoadedExtension;
let network: NetworkLog;

beforeAll(async () => {
  // The fixtures hold what the test needs: no allegation in the prose, one in each sentence used.
  const detector = new Detector();
  expect(detector.detect(benchParagraphs(1_000).join('\n\n')).allegations).toEqual([]);
  for (const s of [FIRST, SECOND, LAST]) expect(detector.detect(s).allegations).toHaveLength(1);
  ext = await launchExtension();
  network = await isolateNetwork(
    ext.context,
    [
      { url: SHORT_URL, html: benchPageHtml('A short note on the council', benchParagraphs(1_000)) },
      { url: LONG_URL, html: benchPageHtml('The whole year of the council', longParagraphs) },
      { url: HUGE_URL, html: benchPageHtml('Five years of the council', hugeParagraphs) },
    ],
    [`chrome-extension://${ext.extensionId}`],
  );
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

describe('pages that load the main thread', () => {
  it('paints the allegation in the last of 20,000 paragraphs appended one by one', async () => {
    const page = await ext.context.newPage();
    await page.goto(SHORT_URL);
    expect(await waitForScan(page)).toBe(0);
    await page.evaluate((allegation) => {
      const article = document.querySelector('article') as HTMLElement;
      for (let i = 0; i < 20_000; i++) {
        const p = document.createElement('p');
        p.textContent = i === 19_999 ? allegation : `Reader comment ${i}: the meeting ran late again tonight.`;
        article.appendChild(p);
      }
    }, FIRST);
    await page.waitForFunction((name) => document.documentElement.getAttribute(name) === '1', ALLEGATIONS_ATTRIBUTE, {
      timeout: 120_000,
    });
    expect((await readPainted(page)).map((p) => p.text)).toEqual([FIRST]);
    // The page still answers.
    expect(await page.evaluate(() => document.querySelectorAll('article p').length)).toBeGreaterThan(20_000);
    await page.close();
  }, 180_000);

  it('paints text added while the page keeps adding and removing a node every 10 ms', async () => {
    const page = await ext.context.newPage();
    await page.goto(SHORT_URL);
    expect(await waitForScan(page)).toBe(0);
    await page.evaluate((allegation) => {
      const article = document.querySelector('article') as HTMLElement;
      const w = window as unknown as { __churn: number; __ticks: number };
      w.__ticks = 0;
      w.__churn = window.setInterval(() => {
        const ad = document.createElement('div');
        ad.textContent = `Sponsored ${w.__ticks++}`;
        article.appendChild(ad);
        setTimeout(() => ad.remove(), 5);
      }, 10);
      const p = document.createElement('p');
      p.textContent = allegation;
      article.appendChild(p);
    }, SECOND);
    await page.waitForFunction((name) => document.documentElement.getAttribute(name) === '1', ALLEGATIONS_ATTRIBUTE, {
      timeout: 60_000,
    });
    // Painted while the churn still runs: it goes on after the paint, and is stopped only now.
    const ticks = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await page.waitForFunction((t) => (window as unknown as { __ticks: number }).__ticks > t + 3, ticks);
    await page.evaluate(() => window.clearInterval((window as unknown as { __churn: number }).__churn));
    expect((await readPainted(page)).map((p) => p.text)).toEqual([SECOND]);
    await page.close();
  }, 120_000);

  it('reads a page past its first million characters: both ends painted and counted', async () => {
    const page = await ext.context.newPage();
    await page.goto(LONG_URL);
    expect(await page.evaluate(() => document.body.textContent?.length ?? 0)).toBeGreaterThan(1_000_000);
    expect(await waitForScan(page, 120_000)).toBe(2);
    expect((await readPainted(page)).map((p) => p.text).sort()).toEqual([FIRST, LAST].sort());
    await page.close();
    // Nothing left the browser.
    expect(network.blocked).toEqual([]);
  }, 180_000);

  it('reads a 5 MB page without freezing or failing, and says in the popup how much of it was not read', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(HUGE_URL);
    expect(await page.evaluate(() => document.body.textContent?.length ?? 0)).toBeGreaterThan(5_000_000);
    const count = await waitForScan(page, 150_000);
    const painted = (await readPainted(page)).map((p) => p.text);
    // Read in order: the allegations at the start and in the middle are painted and counted…
    expect(painted).toEqual(expect.arrayContaining([FIRST, SECOND]));
    expect(painted).toHaveLength(count);
    expect(errors).toEqual([]);
    // …and this prose, dense with cyber vocabulary, holds more candidate sentences than the background
    // reads for one page (LIMITS.maxPageScanChars): the rest is counted, and the popup says so.
    const tabs = await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), HUGE_URL);
    const tabId = tabs[0]?.id;
    if (tabId === undefined) throw new Error('no tab for the 5 MB page');
    const popup = await PopupPage.open(ext.context, ext.extensionId, tabId);
    const notice = popup.page.locator('.report-notice[data-state~="unread"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(Number(/\d[\d,. ]*/.exec((await notice.textContent()) ?? '')?.[0]?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await popup.page.close();
    await page.close();
    expect(network.blocked).toEqual([]);
  }, 180_000);
});
