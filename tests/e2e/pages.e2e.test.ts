/**
 * The built extension on realistic news pages (tests/e2e/fixtures/*.html),
 * served at news-site addresses by request routing: exactly the article's
 * allegations are painted (not the menu, related links, comments, hidden
 * blocks or form fields), the count on <html> matches, text inserted after
 * load and single-page-app navigations are scanned, an unlisted page is not,
 * and nothing leaves the browser. Expected highlights come from
 * `<fixture>.expected.json`, checked by eye against the detector's output.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { ARTIFACTS_DIR, type LoadedExtension, launchExtension } from './support/extension';
import {
  allegationsAttribute,
  type Expectation,
  type ExpectedState,
  fixtureHtml,
  loadExpectation,
  normalizeSpace,
  paintedKeys,
  readPainted,
  scrollToFirstHighlight,
  waitForScan,
} from './support/highlights';
import { type LocalServer, serveHtml } from './support/local-server';
import { isolateNetwork, type NetworkLog } from './support/network';

interface Session {
  ext: LoadedExtension;
  network: NetworkLog;
  /** Addresses a request may go to: routed fixtures, a local server, the extension itself. */
  allowed(url: string): boolean;
}

/** One browser with the extension, the given fixtures routed at their news-site addresses. */
async function openSession(expectations: Expectation[], localOrigins: string[] = []): Promise<Session> {
  const ext = await launchExtension();
  const routed = expectations.map((e) => ({ url: e.url, html: fixtureHtml(e.fixture) }));
  const extensionOrigin = `chrome-extension://${ext.extensionId}`;
  const network = await isolateNetwork(ext.context, routed, [...localOrigins, extensionOrigin]);
  const routedUrls = new Set(routed.map((r) => r.url));
  return {
    ext,
    network,
    allowed: (url) =>
      routedUrls.has(url) ||
      [...localOrigins, extensionOrigin].some((origin) => url.startsWith(`${origin}/`)) ||
      url.startsWith('data:'),
  };
}

function expectNoLeak(session: Session, mustHaveVisited: string[]): void {
  for (const url of mustHaveVisited) expect(session.network.requests).toContain(url);
  expect(session.network.requests.filter((url) => !session.allowed(url))).toEqual([]);
  expect(session.network.blocked).toEqual([]);
}

function stateOf(expectation: Expectation, name: string): ExpectedState {
  const state = expectation.states.find((s) => s.state === name);
  if (state === undefined) throw new Error(`${expectation.fixture}: no expected state "${name}"`);
  return state;
}

/** Painted texts must all be absent from notHighlighted, and those sentences must really be on the page. */
async function expectNothingElsePainted(page: Page, expectation: Expectation): Promise<void> {
  const pageText = normalizeSpace(await page.evaluate(() => document.body.textContent ?? ''));
  const painted = (await readPainted(page)).map((p) => normalizeSpace(p.text));
  for (const sentence of expectation.notHighlighted) {
    expect(pageText, 'a notHighlighted sentence must be on the page').toContain(normalizeSpace(sentence));
    for (const text of painted) expect(text).not.toContain(normalizeSpace(sentence));
  }
}

const ATTRIBUTE_LOG_SCRIPT = () => {
  // Each change of data-counterpoint-allegations, with what is painted at that moment and the fixture's state.
  const log: Array<{ count: string | null; rendered: string | undefined; painted: string[]; at: number }> = [];
  (window as unknown as { __counterpointLog: typeof log }).__counterpointLog = log;
  new MutationObserver(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const painted: string[] = [];
    for (const [name, highlight] of registry)
      for (const range of highlight) painted.push(`${name} | ${range.toString().replace(/\s+/g, ' ').trim()}`);
    log.push({
      count: document.documentElement.getAttribute('data-counterpoint-allegations'),
      rendered: document.documentElement.dataset.fixtureRendered,
      painted: painted.sort(),
      at: performance.now(),
    });
    // The document may have no <html> element yet when init scripts run: observe from the document down.
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-counterpoint-allegations'] });
};

type AttributeLog = Array<{ count: string | null; rendered: string | undefined; painted: string[]; at: number }>;

const readAttributeLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __counterpointLog: AttributeLog }).__counterpointLog);

describe('static news pages: only the article is painted', () => {
  const lesoir = loadExpectation('lesoir-seed-004');
  const xinhua = loadExpectation('xinhua-seed-000');
  const reuters = loadExpectation('reuters-style');
  let session: Session;
  let local: LocalServer;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // An address outside the site list, serving a page full of allegations.
    local = await serveHtml(fixtureHtml('reuters-style.html'));
    session = await openSession([lesoir, xinhua, reuters], [local.origin]);
  });

  afterAll(async () => {
    await session?.ext.close();
    await local?.close();
  });

  it('uses leak sentences the detector would flag (control for the hidden / editable / textarea checks)', () => {
    const leaks = [
      'Les services russes ont piraté les ordinateurs de la Chambre des représentants en janvier.',
      'Selon moi, la Russie a piraté le site du Parlement wallon la semaine dernière.',
      "North Korean hackers hacked my neighbour's smart fridge last week.",
    ];
    for (const leak of leaks) expect([...lesoir.notHighlighted, ...reuters.notHighlighted]).toContain(leak);
    const detector = new Detector();
    for (const leak of leaks) expect(detector.detect(leak).allegations, leak).toHaveLength(1);
  });

  const cases: Array<[string, () => Expectation, string | null]> = [
    ['Le Soir, seed 004 (FR)', () => lesoir, 'highlighted-lesoir.png'],
    ['Xinhua, seed 000 (FR)', () => xinhua, 'highlighted-xinhua.png'],
    ['a Reuters-style page (EN)', () => reuters, null],
  ];
  it.each(cases)('%s: paints exactly the expected sentences', async (_label, get, screenshot) => {
    const expectation = get();
    const loaded = stateOf(expectation, 'loaded');
    const page = await session.ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(expectation.url);
    expect(await waitForScan(page)).toBe(loaded.allegations);
    expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(loaded.highlighted));
    expect(await page.evaluate(() => document.documentElement.dataset.counterpointAllegations)).toBe(
      String(loaded.allegations),
    );
    await expectNothingElsePainted(page, expectation);
    if (screenshot !== null) {
      expect(await scrollToFirstHighlight(page)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS_DIR, screenshot) });
    }
    await page.close();
  });

  it('does not scan a page outside the site list', async () => {
    const page = await session.ext.context.newPage();
    await page.goto(`${local.origin}/technology/unlisted`);
    await page.waitForLoadState('load');
    // A listed page loaded after it is scanned end to end: had the unlisted one been injected, it would be by now.
    const control = await session.ext.context.newPage();
    await control.goto(reuters.url);
    expect(await waitForScan(control)).toBe(stateOf(reuters, 'loaded').allegations);
    expect(await allegationsAttribute(page)).toBeNull();
    expect(await readPainted(page)).toEqual([]);
    await control.close();
    await page.close();
  });

  it('sends nothing anywhere: every request went to a routed page, the local server or the extension', () => {
    expectNoLeak(session, [lesoir.url, xinhua.url, reuters.url, `${local.origin}/technology/unlisted`]);
  });
});

describe('pages that change after load', () => {
  const dynamic = loadExpectation('dynamic-article');
  const spa = loadExpectation('spa-article');
  let session: Session;

  beforeAll(async () => {
    session = await openSession([dynamic, spa]);
  });

  afterAll(async () => {
    await session?.ext.close();
  });

  it('scans an article inserted after load, then the paragraph appended later', async () => {
    const inserted = stateOf(dynamic, 'after-insert');
    const appended = stateOf(dynamic, 'after-append');
    const page = await session.ext.context.newPage();
    await page.addInitScript(ATTRIBUTE_LOG_SCRIPT);
    await page.goto(dynamic.url);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureRendered === 'article');
    // The inserted article is painted on its own first…
    await expect
      .poll(async () => paintedKeys(await readPainted(page)), { timeout: 15_000 })
      .toEqual(paintedKeys(inserted.highlighted));
    await expect.poll(() => allegationsAttribute(page), { timeout: 15_000 }).toBe(String(inserted.allegations));
    // …then the live update is appended, and only its sentence is added.
    await page.evaluate(() => (window as unknown as { appendLiveUpdate(): void }).appendLiveUpdate());
    await expect
      .poll(async () => paintedKeys(await readPainted(page)), { timeout: 15_000 })
      .toEqual(paintedKeys(appended.highlighted));
    await expect.poll(() => allegationsAttribute(page), { timeout: 15_000 }).toBe(String(appended.allegations));
    const counts = (await readAttributeLog(page)).map((entry) => Number(entry.count));
    expect(Math.max(...counts)).toBe(appended.allegations);
    expect(counts.indexOf(inserted.allegations)).toBeLessThan(counts.lastIndexOf(appended.allegations));
    await expectNothingElsePainted(page, dynamic);
    await page.close();
  });

  it('paints a paragraph appended before the article it lands in was scanned exactly once', async () => {
    const appended = stateOf(dynamic, 'after-append');
    const page = await session.ext.context.newPage();
    await page.addInitScript(ATTRIBUTE_LOG_SCRIPT);
    await page.goto(`${dynamic.url}#burst`);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureRendered === 'update');
    await expect
      .poll(async () => paintedKeys(await readPainted(page)), { timeout: 15_000 })
      .toEqual(paintedKeys(appended.highlighted));
    await expect.poll(() => allegationsAttribute(page), { timeout: 15_000 }).toBe(String(appended.allegations));
    // Never more on the way: no sentence was painted twice, even for a moment.
    const log = await readAttributeLog(page);
    expect(Math.max(...log.map((entry) => Number(entry.count))), JSON.stringify(log, null, 1)).toBe(
      appended.allegations,
    );
    for (const entry of log) expect(new Set(entry.painted).size).toBe(entry.painted.length);
    await expectNothingElsePainted(page, dynamic);
    await page.close();
  });

  it('repaints after a history.pushState navigation to another article', async () => {
    const first = stateOf(spa, 'loaded');
    const second = stateOf(spa, 'after-pushState');
    const page = await session.ext.context.newPage();
    await page.goto(spa.url);
    expect(await waitForScan(page)).toBe(first.allegations);
    expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(first.highlighted));

    await page.click(`a[data-spa-link][href="${second.path}"]`);
    expect(new URL(page.url()).pathname).toBe(second.path);
    await expect
      .poll(async () => paintedKeys(await readPainted(page)), { timeout: 10_000 })
      .toEqual(paintedKeys(second.highlighted));
    expect(await allegationsAttribute(page)).toBe(String(second.allegations));
    await expectNothingElsePainted(page, spa);
    await page.close();
  });

  it('sends nothing anywhere: every request went to a routed page or the extension', () => {
    expectNoLeak(session, [dynamic.url, spa.url]);
  });
});
