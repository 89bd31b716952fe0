/**
 * What a reader sees on the two seed articles served as news pages: the
 * highlights, the card with counter-statements, keyboard stepping, the popup,
 * and the per-site switch that takes everything away again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { ARTIFACTS_DIR, type LoadedExtension, launchExtension } from './support/extension';
import {
  allegationsAttribute,
  fixtureHtml,
  loadExpectation,
  paintedKeys,
  readPainted,
  waitForScan,
} from './support/highlights';
import { isolateNetwork, type NetworkLog } from './support/network';
import { PopupPage } from './support/popup-page';

// The slice of the extension APIs the tests call inside the service worker.
declare const chrome: {
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  tabs: {
    query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<{ ok: boolean }>;
  };
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    session: { get(key: string): Promise<Record<string, unknown>> };
  };
};

const LESOIR = loadExpectation('lesoir-seed-004');
const XINHUA = loadExpectation('xinhua-seed-000');
const claims = new Map(SEED_PACK.claims.map((c) => [`${SEED_PACK.id}/${c.id}`, c]));

/** A statement by China denying, or answering, an accusation against China. */
const isChineseDenial = (id: string) => {
  const c = claims.get(id);
  return c !== undefined && c.speakerActor === 'CN' && (c.stance === 'denial' || c.stance === 'counter_accusation');
};
/** A statement by someone else attributing an operation to China. */
const isAttributionToChina = (id: string) => {
  const c = claims.get(id);
  return (
    c !== undefined &&
    c.speakerActor !== 'CN' &&
    (c.stance === 'attribution' || c.stance === 'accusation') &&
    c.accused.includes('CN')
  );
};

async function tabIdOf(ext: LoadedExtension, pattern: string): Promise<number> {
  const tabs = await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), pattern);
  const id = tabs[0]?.id;
  if (id === undefined) throw new Error(`no tab for ${pattern}`);
  return id;
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

/**
 * The claim ids the open card lists, once its counter-statements have come.
 * The card keeps ids out of the page's DOM (issue 10): its closed shadow root
 * is read through the DevTools protocol, as no page script can, and each
 * listed text is matched to the seed pack's statement it shows.
 */
async function cardClaims(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const texts = async (): Promise<string[]> => {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      const host = findCdpNode(root, (n) => n.nodeName === 'COUNTERPOINT-CARD');
      const shadow = host?.shadowRoots?.[0];
      if (shadow === undefined) return [];
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
        object: { objectId: string };
      };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration:
          'function () { return [...this.querySelectorAll("ol > li .text")].map((p) => p.textContent); }',
        returnByValue: true,
      })) as { result: { value: string[] } };
      return result.value;
    };
    let shown: string[] = [];
    await expect
      .poll(
        async () => {
          shown = await texts();
          return shown.length;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    return shown.map((text) => {
      const head = text.replace(/…$/, '');
      return [...claims].find(([, c]) => c.text.startsWith(head))?.[0] ?? `unknown: ${text}`;
    });
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findCdpNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findCdpNode(child, test);
    if (found) return found;
  }
  return undefined;
}

describe('reading the seed articles', () => {
  let ext: LoadedExtension;
  let network: NetworkLog;
  let lesoir: Page;
  let xinhua: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    ext = await launchExtension();
    network = await isolateNetwork(
      ext.context,
      [
        { url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) },
        { url: XINHUA.url, html: fixtureHtml(XINHUA.fixture) },
      ],
      [`chrome-extension://${ext.extensionId}`],
    );
    lesoir = await ext.context.newPage();
    await lesoir.setViewportSize({ width: 1280, height: 900 });
    await lesoir.goto(LESOIR.url);
    xinhua = await ext.context.newPage();
    await xinhua.setViewportSize({ width: 1280, height: 900 });
    await xinhua.goto(XINHUA.url);
    await waitForScan(lesoir);
    await waitForScan(xinhua);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('highlights exactly the expected allegations of both articles', async () => {
    for (const [page, expected] of [
      [lesoir, LESOIR],
      [xinhua, XINHUA],
    ] as const) {
      const state = expected.states[0];
      expect(await allegationsAttribute(page)).toBe(String(state?.allegations));
      expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(state?.highlighted ?? []));
    }
  });

  it('opens the card on a click, with China’s denials for the Belgian article', async () => {
    const point = await firstHighlightPoint(lesoir);
    await lesoir.mouse.click(point.x, point.y);
    const card = lesoir.locator('[data-counterpoint-card]');
    const ids = await cardClaims(lesoir);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some(isChineseDenial)).toBe(true);
    // The closed shadow root keeps the page's scripts and styles out; the card is the only element added.
    expect(await card.evaluate((el) => el.shadowRoot)).toBeNull();
    expect(await lesoir.locator('[data-counterpoint-mark]').count()).toBe(0);
    await lesoir.screenshot({ path: join(ARTIFACTS_DIR, 'card-lesoir.png') });
    // Escape closes it (focus is on the page, not in the card)…
    await lesoir.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    // …and so does a click elsewhere on the page.
    await lesoir.mouse.click(point.x, point.y);
    await card.waitFor({ state: 'attached', timeout: 5_000 });
    await lesoir.mouse.click(1200, 880);
    await card.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('opens the card with attributions to China for the Xinhua article', async () => {
    const point = await firstHighlightPoint(xinhua);
    await xinhua.mouse.click(point.x, point.y);
    const ids = await cardClaims(xinhua);
    expect(ids.some(isAttributionToChina)).toBe(true);
    await xinhua.screenshot({ path: join(ARTIFACTS_DIR, 'card-xinhua.png') });
  });

  it('steps through the allegations with the keyboard command’s message, emphasising each', async () => {
    const tabId = await tabIdOf(ext, 'https://www.lesoir.be/*');
    const step = (direction: 1 | -1) =>
      ext.serviceWorker.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'step', direction: d }), [
        tabId,
        direction,
      ] as const);
    expect(await step(1)).toEqual({ ok: true });
    const focused = async () =>
      lesoir.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-focus');
        return h ? [...h].map((r) => r.toString()) : [];
      });
    const first = await focused();
    expect(first).toHaveLength(1);
    expect(await step(1)).toEqual({ ok: true });
    const second = await focused();
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    expect(await step(-1)).toEqual({ ok: true });
    expect(await focused()).toEqual(first);
    await lesoir.locator('[data-counterpoint-card]').waitFor({ state: 'attached', timeout: 5_000 });
  });

  it('the popup lists the Belgian article’s allegations against China with China’s denials, grouped', async () => {
    const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext, 'https://www.lesoir.be/*'));
    await popup.page.setViewportSize({ width: 420, height: 900 });
    expect(await popup.count()).toBe(LESOIR.states[0]?.allegations);
    const listed = await popup.allegations();
    const groups = await popup.groups();
    expect(groups[0]?.accused).toBe('CN');
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(listed.length);
    for (const a of listed.filter((x) => x.accused === 'CN'))
      expect(a.claimIds.some(isChineseDenial), a.text).toBe(true);
    for (const link of await popup.sourceLinks()) {
      expect(link.href).toMatch(/^https?:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    const serious = (await popup.accessibilityViolations()).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious).toEqual([]);
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'popup-lesoir.png') });

    // "Show on page" scrolls the article to that allegation and emphasises it.
    const last = listed.at(-1);
    if (!last) throw new Error('no allegation listed');
    await popup.reveal(last.index);
    expect(await popup.revealNote(last.index)).toBe('');
    await expect
      .poll(() =>
        lesoir.evaluate(() => {
          const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('counterpoint-focus');
          return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
        }),
      )
      .toEqual([last.text.replace(/\s+/g, ' ').trim()]);
    await popup.page.close();
  });

  it('the popup lists the Xinhua article’s allegations against the US with attributions to China', async () => {
    const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext, 'http://french.news.cn/*'));
    await popup.page.setViewportSize({ width: 420, height: 900 });
    const listed = await popup.allegations();
    expect(listed).toHaveLength(XINHUA.states[0]?.allegations ?? -1);
    for (const a of listed) {
      expect(a.accused).toBe('US');
      expect(a.claimIds.some(isAttributionToChina), a.text).toBe(true);
    }
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'popup-xinhua.png') });
    await popup.page.close();
  });

  it.each([
    ['Le Soir', 'https://www.lesoir.be/*', 'apt31', 'timeline-lesoir.png'],
    ['Xinhua', 'http://french.news.cn/*', 'volt-typhoon', 'timeline-xinhua.png'],
  ])(
    'the popup shows the incident timeline behind a counter-statement of the %s article',
    async (_label, pattern, topic, shot) => {
      const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext, pattern));
      await popup.page.setViewportSize({ width: 420, height: 900 });
      // The article's own controversy (APT31 for the Belgian MP, Volt Typhoon for Xinhua's reply to it).
      const incident = popup.page.locator(`details.counter-incident[data-incident*="${topic}"]`).first();
      const key = (await incident.getAttribute('data-incident')) ?? '';
      const [pack, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
      const expected = SEED_PACK.claims.filter((c) => c.incident === id);
      expect(pack).toBe(SEED_PACK.id);
      expect(expected.length).toBeGreaterThan(1);
      await incident.locator('summary').click();
      const entries = incident.locator('.incident-timeline .timeline-entry');
      await entries.nth(expected.length - 1).waitFor();
      const shown = await entries.evaluateAll((lis) =>
        lis.map((li) => ({
          key: li.getAttribute('data-claim-key') ?? '',
          date: li.querySelector('time')?.getAttribute('datetime') ?? '',
        })),
      );
      expect(shown.map((e) => e.key).sort()).toEqual(expected.map((c) => `${SEED_PACK.id}/${c.id}`).sort());
      expect(shown.map((e) => e.date)).toEqual(shown.map((e) => e.date).sort());
      // This page is on it (read today: after every statement so far), and the status with its basis.
      await expect(incident.locator('.timeline > li').last().getAttribute('data-here')).resolves.toBe('true');
      await expect(incident.locator('.incident-status').getAttribute('data-evidence')).resolves.toBe(
        SEED_PACK.incidents.find((i) => i.id === id)?.evidence?.kind,
      );
      await incident.scrollIntoViewIfNeeded();
      await popup.page.screenshot({ path: join(ARTIFACTS_DIR, shot) });

      // Its own page: the same statements under the incident's name.
      const href = (await incident.locator('.timeline-page-link a').getAttribute('href')) ?? '';
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}${href}`);
      await page
        .locator('.timeline-entry')
        .nth(expected.length - 1)
        .waitFor();
      const name = SEED_PACK.incidents.find((i) => i.id === id);
      // The browser's UI language picks the name (English here unless the profile is French).
      expect([name?.name, name?.names?.fr[0]]).toContain(await page.locator('h1').textContent());
      await page.close();
      await popup.page.close();
    },
  );

  it('the popup’s site switch turns Counterpoint off on the site: the highlights go', async () => {
    const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext, 'https://www.lesoir.be/*'));
    expect(await popup.siteSwitch()).toEqual({ label: 'Counterpoint on lesoir.be', checked: true });
    await popup.toggleSite();
    await lesoir.waitForFunction(() => !document.documentElement.hasAttribute('data-counterpoint-allegations'), null, {
      timeout: 10_000,
    });
    expect(await readPainted(lesoir)).toEqual([]);
    expect((await popup.siteSwitch())?.checked).toBe(false);
    await popup.toggleSite();
    await waitForScan(lesoir);
    expect((await readPainted(lesoir)).length).toBe(LESOIR.states[0]?.allegations);
    await popup.page.close();
  });

  it('switching the site off removes every highlight and the card; on again, they come back', async () => {
    await ext.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: ['lesoir.be'] }));
    await lesoir.waitForFunction(() => !document.documentElement.hasAttribute('data-counterpoint-allegations'), null, {
      timeout: 10_000,
    });
    expect(await readPainted(lesoir)).toEqual([]);
    expect(await lesoir.locator('[data-counterpoint-card]').count()).toBe(0);
    // Another site is not affected.
    expect((await readPainted(xinhua)).length).toBeGreaterThan(0);
    await ext.serviceWorker.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));
    await waitForScan(lesoir);
    expect(paintedKeys(await readPainted(lesoir))).toEqual(paintedKeys(LESOIR.states[0]?.highlighted ?? []));
  });

  it('a second injection of the content script (Scan this page) replaces the first cleanly', async () => {
    const tabId = await tabIdOf(ext, 'https://www.lesoir.be/*');
    await lesoir.evaluate(() => document.documentElement.removeAttribute('data-counterpoint-allegations'));
    await ext.serviceWorker.evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }),
      tabId,
    );
    expect(await waitForScan(lesoir)).toBe(LESOIR.states[0]?.allegations);
    // The first instance removed its highlights and listeners: nothing is painted twice, one card at most.
    expect(paintedKeys(await readPainted(lesoir))).toEqual(paintedKeys(LESOIR.states[0]?.highlighted ?? []));
    const point = await firstHighlightPoint(lesoir);
    await lesoir.mouse.click(point.x, point.y);
    await cardClaims(lesoir);
    expect(await lesoir.locator('[data-counterpoint-card]').count()).toBe(1);
  });

  it('forgets a tab’s report when the tab loads another page', async () => {
    const tabId = await tabIdOf(ext, 'http://french.news.cn/*');
    const report = () =>
      ext.serviceWorker.evaluate(
        async (id) => (await chrome.storage.session.get(`report:${id}`))[`report:${id}`],
        tabId,
      );
    expect(await report()).toBeTruthy();
    await xinhua.goto('about:blank');
    await expect.poll(report, { timeout: 5_000 }).toBeUndefined();
  });

  it('sends nothing anywhere: every request stayed on the routed pages or the extension', () => {
    expect(network.blocked).toEqual([]);
    const allowed = [LESOIR.url, XINHUA.url];
    for (const url of network.requests) {
      expect(allowed.includes(url) || url.startsWith(`chrome-extension://${ext.extensionId}/`), url).toBe(true);
    }
  });
});
