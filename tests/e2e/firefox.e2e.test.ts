/**
 * The main reader scenarios in stock Firefox (Debian's firefox-esr, over
 * WebDriver BiDi with puppeteer-core), on the Firefox build: the highlights
 * on both seed articles, the card, the popup's report with its
 * counter-statements, a pack installed from the options page, and nothing
 * sent anywhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { ARTIFACTS_DIR } from './support/extension';
import {
  FIREFOX_EXTENSION_ORIGIN,
  gotoExtensionPage,
  isMozillaService,
  type LoadedFirefox,
  launchFirefox,
} from './support/firefox';
import {
  ALLEGATIONS_ATTRIBUTE,
  fixtureHtml,
  loadExpectation,
  type PaintedText,
  paintedKeys,
} from './support/highlights';
import { newsroomPack } from './support/newsroom-pack';

const LESOIR = loadExpectation('lesoir-seed-004');
const XINHUA = loadExpectation('xinhua-seed-000');
const claims = new Map(SEED_PACK.claims.map((c) => [`${SEED_PACK.id}/${c.id}`, c]));

async function waitForScan(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (name) => document.documentElement.getAttribute(name),
    { timeout: 60_000 },
    ALLEGATIONS_ATTRIBUTE,
  );
  return Number(await handle.jsonValue());
}

async function readPainted(page: Page): Promise<PaintedText[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: Array<{ highlight: string; text: string }> = [];
    for (const [name, highlight] of registry)
      for (const range of highlight) out.push({ highlight: name, text: range.toString() });
    return out;
  });
}

/** The centre of the first painted range, in client coordinates, after scrolling it into view. */
async function firstHighlightPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges: Range[] = [];
    for (const [name, h] of registry) if (name !== 'counterpoint-focus') for (const r of h) ranges.push(r);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) throw new Error('nothing painted');
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first.getClientRects()[0] ?? first.getBoundingClientRect();
    return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
  });
}

interface Listed {
  accused: string;
  claimIds: string[];
}

/** The report of the tab showing `pattern`, as the popup lists it once the counter-statements are in. */
async function popupReport(ff: LoadedFirefox, pattern: string): Promise<{ page: Page; listed: Listed[] }> {
  const page = await ff.extensionPage('popup.html');
  const tabId = await page.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } })
      .browser;
    return (await api.tabs.query({ url }))[0]?.id ?? null;
  }, pattern);
  expect(tabId).not.toBeNull();
  await gotoExtensionPage(page, `${FIREFOX_EXTENSION_ORIGIN}/popup.html?tab=${tabId}`);
  await page.waitForSelector('[data-count]:not([data-matching])', { timeout: 30_000 });
  const listed = await page.$$eval('article[data-stance]', (articles) =>
    articles.map((a) => ({
      accused: a.getAttribute('data-accused') ?? '',
      claimIds: [...a.querySelectorAll('li[data-claim-id]')].map((li) => li.getAttribute('data-claim-id') ?? ''),
    })),
  );
  return { page, listed };
}

describe('Firefox: reading the seed articles', () => {
  let ff: LoadedFirefox;
  let lesoir: Page;
  let xinhua: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    ff = await launchFirefox(
      new Map([
        [LESOIR.url, fixtureHtml(LESOIR.fixture)],
        [XINHUA.url, fixtureHtml(XINHUA.fixture)],
      ]),
    );
    lesoir = await ff.newPage();
    await lesoir.setViewport({ width: 1280, height: 900 });
    await lesoir.goto(LESOIR.url);
    xinhua = await ff.newPage();
    await xinhua.setViewport({ width: 1280, height: 900 });
    await xinhua.goto(XINHUA.url);
    await waitForScan(lesoir);
    await waitForScan(xinhua);
  });

  afterAll(async () => {
    await ff?.close();
  });

  it('highlights exactly the expected allegations of both articles', async () => {
    for (const [page, expected] of [
      [lesoir, LESOIR],
      [xinhua, XINHUA],
    ] as const) {
      const state = expected.states[0];
      await page.bringToFront();
      expect(await page.evaluate((name) => document.documentElement.getAttribute(name), ALLEGATIONS_ATTRIBUTE)).toBe(
        String(state?.allegations),
      );
      expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(state?.highlighted ?? []));
    }
  });

  it('opens the card on a click, in a closed shadow root; Escape and a click elsewhere close it', async () => {
    await lesoir.bringToFront();
    const point = await firstHighlightPoint(lesoir);
    await lesoir.mouse.click(point.x, point.y);
    const card = await lesoir.waitForSelector('[data-counterpoint-card]', { timeout: 10_000 });
    expect(await card?.evaluate((el) => el.shadowRoot)).toBeNull();
    await lesoir.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-card-lesoir.png') });
    await lesoir.keyboard.press('Escape');
    await lesoir.waitForSelector('[data-counterpoint-card]', { hidden: true, timeout: 5_000 });
    await lesoir.mouse.click(point.x, point.y);
    await lesoir.waitForSelector('[data-counterpoint-card]', { timeout: 5_000 });
    await lesoir.mouse.click(1200, 880);
    await lesoir.waitForSelector('[data-counterpoint-card]', { hidden: true, timeout: 5_000 });
  });

  it('the popup lists the Belgian article’s allegations against China with China’s denials', async () => {
    const { page, listed } = await popupReport(ff, 'https://www.lesoir.be/*');
    expect(listed).toHaveLength(LESOIR.states[0]?.allegations ?? -1);
    const againstChina = listed.filter((a) => a.accused === 'CN');
    expect(againstChina.length).toBeGreaterThan(0);
    const denial = (id: string) => {
      const c = claims.get(id);
      return c?.speakerActor === 'CN' && (c.stance === 'denial' || c.stance === 'counter_accusation');
    };
    expect(againstChina.some((a) => a.claimIds.some(denial))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-popup-lesoir.png') });
    await page.close();
  });

  it('the popup lists the Xinhua article’s allegations against the US with attributions to China', async () => {
    const { page, listed } = await popupReport(ff, 'http://french.news.cn/*');
    const againstUs = listed.filter((a) => a.accused === 'US');
    expect(againstUs.length).toBeGreaterThan(0);
    const toChina = (id: string) => {
      const c = claims.get(id);
      return (
        c !== undefined &&
        c.speakerActor !== 'CN' &&
        (c.stance === 'attribution' || c.stance === 'accusation') &&
        c.accused.includes('CN')
      );
    };
    expect(againstUs.some((a) => a.claimIds.some(toChina))).toBe(true);
    await page.close();
  });

  it('installs a pack from a file on the options page (read by the background from a blob: URL); its statement then answers the page', async () => {
    const file = join(ARTIFACTS_DIR, 'firefox-newsroom-pack.json');
    writeFileSync(file, JSON.stringify(newsroomPack()));
    const options = await ff.extensionPage('options.html');
    await options.waitForSelector(`tr[data-pack-id="${SEED_PACK.id}"]`, { timeout: 30_000 });
    const input = await options.waitForSelector('input[data-import="pack"]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await options.waitForSelector('tr[data-pack-id="e2e-newsroom"]', { timeout: 30_000 });
    expect(await options.$eval('[role="status"]', (el) => el.getAttribute('data-status'))).toBe('ok');
    await options.close();

    await lesoir.reload();
    await waitForScan(lesoir);
    const { page, listed } = await popupReport(ff, LESOIR.url);
    expect(listed.flatMap((a) => a.claimIds)).toContain('e2e-newsroom/e2e-claim-1');
    await page.close();
  });

  it('sends nothing anywhere: every request stayed on the served pages or the extension', () => {
    expect(ff.network.requests).toContain(LESOIR.url);
    expect(ff.network.blocked).toEqual([]);
    // Only Firefox's own services may have tried the proxy (none of it is the extension's).
    expect(ff.network.escaped.filter((host) => !isMozillaService(host))).toEqual([]);
  });
});
