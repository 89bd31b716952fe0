import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { ARTIFACTS_DIR, type LoadedExtension, launchExtension } from './support/extension';
import { type LocalServer, serveHtml } from './support/local-server';
import { isolateNetwork, type NetworkLog } from './support/network';
import { PopupPage } from './support/popup-page';

// The slice of the extension APIs the tests call inside the service worker.
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

const ARTICLE_URL = 'https://www.lesoir.be/counterpoint-test';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const ATTRIBUTE = 'data-counterpoint-allegations';
// Sentences of the fixture the extraction must skip: navigation, a hidden block,
// comments outside the article, a form field. Each alleges an attack, so a leak would show.
const SKIPPED_SENTENCES = [
  "Cyberattaques : la Russie accusée d'avoir piraté les élections européennes",
  'Le Kremlin a piraté les serveurs du Sénat hier soir.',
  'Les hackers iraniens ont attaqué ma banque la semaine dernière, tout le monde le sait.',
  'La Corée du Nord a piraté mon ordinateur portable.',
];
const MUST_NOT_BE_LISTED = ['élections européennes', 'serveurs du Sénat', 'ma banque', 'mon ordinateur'];

async function waitForScan(page: Page): Promise<number> {
  const handle = await page.waitForFunction((name) => document.documentElement.getAttribute(name), ATTRIBUTE, {
    timeout: 60_000,
  });
  return Number(await handle.jsonValue());
}

describe('Counterpoint in Chromium', () => {
  let ext: LoadedExtension;
  let local: LocalServer;
  let network: NetworkLog;
  let article: Page;
  let scanned = -1;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    local = await serveHtml(fixture('local-page.html'));
    ext = await launchExtension();
    network = await isolateNetwork(
      ext.context,
      [{ url: ARTICLE_URL, html: fixture('lesoir-article.html') }],
      // The extension's own pages (the popup) load their scripts from the extension.
      [local.origin, `chrome-extension://${ext.extensionId}`],
    );
  });

  afterAll(async () => {
    await ext?.close();
    await local?.close();
  });

  it('uses skipped sentences that the detector would flag (control for the leak checks)', () => {
    const detector = new Detector();
    const flagged = SKIPPED_SENTENCES.filter((text) => detector.detect(text).allegations.length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(2);
  });

  it('starts the service worker', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
  });

  it('runs the content script on a listed news site and marks the page', async () => {
    article = ext.context.pages()[0] ?? (await ext.context.newPage());
    await article.goto(ARTICLE_URL);
    scanned = await waitForScan(article);
    console.info(`article scanned: ${scanned} allegation(s)`);
    expect(scanned).toBeGreaterThanOrEqual(1);
    await article.screenshot({ path: join(ARTIFACTS_DIR, 'article.png'), fullPage: true });
  });

  it('paints the allegations with the CSS Custom Highlight API, without changing the page', async () => {
    const painted = await article.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const out: Record<string, string[]> = {};
      for (const [name, highlight] of registry) out[name] = [...highlight].map((r) => r.toString());
      return { out, marks: document.querySelectorAll('[data-counterpoint-mark]').length };
    });
    const texts = Object.values(painted.out).flat();
    expect(texts).toHaveLength(scanned);
    for (const name of Object.keys(painted.out))
      expect(name).toMatch(/^counterpoint-(accusation|denial|counter-accusation)$/);
    for (const t of texts) expect(t.length).toBeGreaterThan(20);
    expect(painted.marks).toBe(0);
  });

  it('lists the same allegations in the popup, with the badge count', async () => {
    expect(scanned).toBeGreaterThanOrEqual(1);
    // Reports are keyed by tab id only; the one report is the article's tab.
    const tabIds = await ext.serviceWorker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.keys(all)
        .filter((k) => k.startsWith('report:'))
        .map((k) => Number(k.slice('report:'.length)));
    });
    expect(tabIds).toHaveLength(1);
    const tabId = tabIds[0] as number;

    const badge = await ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(scanned));

    const popup = await PopupPage.open(ext.context, ext.extensionId, tabId);
    expect(await popup.title()).toBe('Counterpoint');
    expect(await popup.count()).toBe(scanned);
    const listed = await popup.allegations();
    expect(listed).toHaveLength(scanned);

    const pageText = (await article.locator('article').innerText()).replace(/\s+/g, ' ');
    for (const allegation of listed) {
      expect(['accusation', 'denial', 'counter_accusation']).toContain(allegation.stance);
      expect(allegation.accusedLabel.length).toBeGreaterThan(0);
      expect(allegation.accuserLabel.length).toBeGreaterThan(0);
      // Every allegation quotes the article itself.
      expect(pageText).toContain(allegation.text.replace(/\s+/g, ' ').trim());
      for (const leak of MUST_NOT_BE_LISTED) expect(allegation.text).not.toContain(leak);
    }
    // The two plain allegations of the fixture name China and Russia.
    const accused = listed.map((a) => a.accused);
    expect(accused.some((a) => a === 'CN' || a === 'RU')).toBe(true);

    expect(await popup.accessibilityViolations()).toEqual([]);

    await popup.page.setViewportSize({ width: 420, height: 640 });
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'popup.png'), fullPage: true });
    await popup.page.close();
  });

  it('does not run on a site outside the list', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${local.origin}/article`);
    await page.waitForLoadState('load');
    // A listed page loaded after it is scanned end to end: had the unlisted one been injected, it would be by now.
    const control = await ext.context.newPage();
    await control.goto(ARTICLE_URL);
    await control.waitForFunction((name) => document.documentElement.hasAttribute(name), ATTRIBUTE);
    expect(await page.locator('html').getAttribute(ATTRIBUTE)).toBeNull();
    await control.close();
    await page.close();
  });

  // The context sees requests of pages and of the extension's service worker alike
  // (a fetch() from the background shows up here and is aborted).
  it('sends nothing anywhere: no request leaves the routed page, the local server and the extension', () => {
    const allowed = (url: string) =>
      url === ARTICLE_URL ||
      url.startsWith(`${local.origin}/`) ||
      url.startsWith(`chrome-extension://${ext.extensionId}/`) ||
      url.startsWith('data:');
    expect(network.requests).toContain(ARTICLE_URL);
    expect(network.requests.filter((url) => !allowed(url))).toEqual([]);
    expect(network.blocked).toEqual([]);
  });
});
