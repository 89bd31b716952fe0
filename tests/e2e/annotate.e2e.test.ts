/**
 * Issue 9, the page's side, in Chromium with the built extension:
 * - Save and Annotate… on the allegation card (closed shadow root, reached
 *   through the DevTools protocol, pressed with the keyboard: trusted events);
 * - the quote check: a page that rewrites its text while the background looks
 *   gets its allegations painted on their own words, or counted as unanchored;
 * - saving on a page outside the site list (no content script there): the
 *   keyboard command and the context menu inject it with activeTab, "saved
 *   only" (nothing scanned), and the toolbar button paints the page's saved
 *   claims again after a reload.
 *
 * Playwright cannot press browser shortcuts nor open the context menu: the
 * toolbar button is clicked through `Extensions.triggerAction` (it grants
 * activeTab as the menu and the command do), then the command and the menu
 * click are dispatched to the background's real listeners.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { launchWithToolbar, type Toolbar } from './support/action';
import type { LoadedExtension } from './support/extension';
import {
  fixtureHtml,
  loadExpectation,
  normalizeSpace,
  paintedKeys,
  readPainted,
  waitForScan,
} from './support/highlights';
import { type LocalServer, serveHtml } from './support/local-server';
import { isolateNetwork, type NetworkLog } from './support/network';
import { holdReportWrites } from './support/service-worker';

// The slice of the extension APIs the tests call inside the service worker.
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>> };
  commands: { onCommand: { dispatch(command: string, tab: { id: number }): void } };
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab: { id: number }): void } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const LESOIR = loadExpectation('lesoir-seed-004');
const REUTERS = loadExpectation('reuters-style');

interface StoredClaim {
  id: string;
  url: string;
  quote: { exact: string };
  allegation?: { stance: string; accused: string | null; accuser: string | null };
}

/** The library's claims, read as the library page reads them. */
async function listSaved(library: Page): Promise<StoredClaim[]> {
  const answer = (await library.evaluate(() => chrome.runtime.sendMessage({ type: 'listSaved' }))) as {
    claims: StoredClaim[];
  };
  return answer.claims;
}

async function savedCount(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((n) => document.documentElement.getAttribute('data-counterpoint-saved') === n, expected, {
    timeout: 15_000,
  });
}

async function savedHighlightText(page: Page): Promise<string[]> {
  return (await readPainted(page))
    .filter((p) => p.highlight.startsWith('counterpoint-saved') || p.highlight.startsWith('counterpoint-annotated'))
    .map((p) => normalizeSpace(p.text));
}

/** Centre of the first painted allegation, scrolled into view. */
async function firstAllegationPoint(page: Page): Promise<{ x: number; y: number; text: string }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges: Range[] = [];
    for (const [name, h] of registry)
      if (/^counterpoint-(accusation|denial|counter-accusation)$/.test(name)) for (const r of h) ranges.push(r);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) throw new Error('nothing painted');
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first.getClientRects()[0] ?? first.getBoundingClientRect();
    return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2, text: first.toString() };
  });
}

/**
 * A button in the card's closed shadow root: the page cannot reach it, the
 * DevTools protocol can (a pierced document). Node ids last until the next read.
 */
async function cardButton(cdp: CDPSession, selector: string): Promise<number> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = findNode(root, (n) => n.nodeName === 'COUNTERPOINT-CARD');
  const shadow = host?.shadowRoots?.[0];
  if (shadow === undefined) throw new Error('no card');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  if (nodeId === 0) throw new Error(`no ${selector} in the card`);
  return nodeId;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Presses a card button with the keyboard (a trusted click, as the reader's). */
async function pressCardButton(page: Page, cdp: CDPSession, selector: string): Promise<void> {
  await cdp.send('DOM.focus', { nodeId: await cardButton(cdp, selector) });
  await page.keyboard.press('Enter');
}

async function cardButtonHtml(cdp: CDPSession, selector: string): Promise<string> {
  return ((await cdp.send('DOM.getOuterHTML', { nodeId: await cardButton(cdp, selector) })) as { outerHTML: string })
    .outerHTML;
}

/** Selects `phrase` with the mouse, as a reader does (trusted events). */
async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(text);
      if (at === -1) continue;
      n.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(n, at + text.length - 1);
      range.setEnd(n, at + text.length);
      const last = range.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    throw new Error(`no text ${text}`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/**
 * How many times a content script started in the page. WXT no longer posts
 * its start to the page (noScriptStartedPostMessage, issue 10); it still
 * dispatches a CustomEvent on `document`, named after the extension's id.
 */
const countStarts = (extensionId: string) => `
  window.__counterpointStarts = 0;
  document.addEventListener(${JSON.stringify(`${extensionId}:content:wxt:content-script-started`)}, () => {
    window.__counterpointStarts++;
  });
`;
const starts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __counterpointStarts: number }).__counterpointStarts);

describe('saving and annotating from the page', () => {
  let ext: LoadedExtension & { toolbar: Toolbar };
  let network: NetworkLog;
  let local: LocalServer;
  let library: Page;

  beforeAll(async () => {
    // A page outside the site list, full of allegations.
    local = await serveHtml(fixtureHtml(REUTERS.fixture));
    ext = await launchWithToolbar();
    network = await isolateNetwork(
      ext.context,
      [
        { url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) },
        { url: REUTERS.url, html: fixtureHtml(REUTERS.fixture) },
      ],
      [local.origin, `chrome-extension://${ext.extensionId}`],
    );
    library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
  });

  afterAll(async () => {
    await ext?.close();
    await local?.close();
  });

  describe('the card’s Save and Annotate… buttons', () => {
    let article: Page;
    let cdp: CDPSession;
    let sentence = '';

    beforeAll(async () => {
      article = await ext.context.newPage();
      await article.setViewportSize({ width: 1280, height: 900 });
      await article.goto(LESOIR.url);
      await waitForScan(article);
      cdp = await ext.context.newCDPSession(article);
    });

    it('saves the allegation’s sentence with its parties, says "Saved", and paints it as saved', async () => {
      const point = await firstAllegationPoint(article);
      sentence = normalizeSpace(point.text);
      await article.mouse.click(point.x, point.y);
      await article.locator('[data-counterpoint-card]').waitFor({ state: 'attached' });
      expect(await cardButtonHtml(cdp, '.save')).toContain('>Save<');
      await pressCardButton(article, cdp, '.save');
      await expect.poll(() => cardButtonHtml(cdp, '.save')).toContain('data-state="saved"');
      expect(await cardButtonHtml(cdp, '.save')).toContain('>Saved<');
      await savedCount(article, '1');
      expect(await savedHighlightText(article)).toEqual([sentence]);
      const claims = await listSaved(library);
      expect(claims).toHaveLength(1);
      expect(normalizeSpace(claims[0]?.quote.exact ?? '')).toBe(sentence);
      expect(claims[0]?.url).toBe(LESOIR.url);
      expect(claims[0]?.allegation).toMatchObject({ stance: 'accusation', accused: 'CN' });
    });

    it('knows the allegation is saved when its card opens again (after a reload too)', async () => {
      await article.reload();
      await waitForScan(article);
      await savedCount(article, '1');
      const point = await firstAllegationPoint(article);
      await article.mouse.click(point.x, point.y);
      await article.locator('[data-counterpoint-card]').waitFor({ state: 'attached' });
      expect(await cardButtonHtml(cdp, '.save')).toContain('data-state="saved"');
    });

    it('Annotate… opens the library on that claim, in a tab next to the page, without saving it twice', async () => {
      const [id] = (await listSaved(library)).map((c) => c.id);
      const [opened] = await Promise.all([
        ext.context.waitForEvent('page', { timeout: 15_000 }),
        pressCardButton(article, cdp, '.annotate'),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      expect(opened.url()).toBe(
        `chrome-extension://${ext.extensionId}/library.html#claim=${encodeURIComponent(id ?? '')}`,
      );
      expect(await listSaved(library)).toHaveLength(1);
      await opened.close();
    });

    it('the incident link of a counter-statement opens that incident’s timeline, with this page placed on it', async () => {
      const point = await firstAllegationPoint(article);
      await article.mouse.click(point.x, point.y);
      await article.locator('[data-counterpoint-card]').waitFor({ state: 'attached' });
      // The counter-statements come after the card opens; the link with them.
      await expect
        .poll(() => cardButtonHtml(cdp, '.incident button').catch(() => ''), { timeout: 10_000 })
        .toContain('Incident');
      const [opened] = await Promise.all([
        ext.context.waitForEvent('page', { timeout: 15_000 }),
        pressCardButton(article, cdp, '.incident button'),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      const url = new URL(opened.url());
      expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`chrome-extension://${ext.extensionId}/timeline.html`);
      const incident = SEED_PACK.incidents.find((i) => i.id === url.searchParams.get('id'));
      expect(url.searchParams.get('pack')).toBe(SEED_PACK.id);
      expect(incident).toBeDefined();
      // The page declares no date: it is placed at today's.
      expect(url.searchParams.get('date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const statements = SEED_PACK.claims.filter((c) => c.incident === incident?.id);
      await opened
        .locator('.timeline-entry')
        .nth(statements.length - 1)
        .waitFor();
      await opened.locator('.timeline-here[data-here="true"]').waitFor();
      await opened.close();
      await article.keyboard.press('Escape');
    });

    it('ignores a click the page dispatches on the card', async () => {
      const point = await firstAllegationPoint(article);
      await article.mouse.click(point.x, point.y);
      await article.evaluate(() => {
        const host = document.querySelector('counterpoint-card');
        host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        host?.shadowRoot?.querySelector('button')?.click();
      });
      expect(await listSaved(library)).toHaveLength(1);
    });
  });

  describe('the quote check', () => {
    it('paints allegations on their own words when the page rewrote its text while the background looked', async () => {
      // The scan's answer waits at the report's write (after detection, before the page hears back).
      const writes = await holdReportWrites(ext.serviceWorker);
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(REUTERS.url);
      await expect.poll(() => writes.held()).toBeGreaterThan(0);
      const loaded = REUTERS.states[0];
      const [moved, gone] = (loaded?.highlighted ?? []).filter(
        (h) => h.text.startsWith('LONDON') || h.text.startsWith('Moscow'),
      );
      expect(moved?.text.startsWith('LONDON')).toBe(true);
      expect(gone?.text.startsWith('Moscow')).toBe(true);
      // Meanwhile the page updates one paragraph in place and takes another sentence away.
      await page.evaluate(
        ({ moved, gone }) => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n !== null; n = walker.nextNode() as Text | null) {
            if (n.data.includes(moved)) n.data = `UPDATED 09:14 BST. ${n.data}`;
            else if (n.data.includes(gone)) n.data = n.data.replace(gone, '');
          }
        },
        { moved: moved?.text.slice(0, 40) ?? '', gone: gone?.text ?? '' },
      );
      await writes.release();
      expect(await waitForScan(page)).toBe((loaded?.allegations ?? 0) - 1);
      expect(await page.locator('html').getAttribute('data-counterpoint-unanchored')).toBe('1');
      expect(paintedKeys(await readPainted(page))).toEqual(
        paintedKeys((loaded?.highlighted ?? []).filter((h) => h !== gone)),
      );
      await page.close();
    });
  });

  describe('a page outside the site list', () => {
    const url = () => `${local.origin}/world/unlisted-article`;
    const FIRST = "hackers working for Russia's GRU military intelligence agency";
    const SECOND = 'port operators and railway companies';
    let page: Page;

    const tabId = async () => {
      const id = await ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url());
      if (id === undefined) throw new Error('the tab is not visible to the extension (no activeTab)');
      return id;
    };
    /** The types of the messages the background has sent to tabs so far. */
    const sentTypes = () =>
      ext.serviceWorker.evaluate(() => (globalThis as unknown as { __sent: string[] }).__sent.slice());

    beforeAll(async () => {
      await ext.serviceWorker.evaluate(() => {
        const g = globalThis as unknown as { __sent: string[] };
        g.__sent = [];
        const tabs = chrome.tabs as unknown as { sendMessage(...args: unknown[]): unknown };
        const original = tabs.sendMessage.bind(tabs);
        tabs.sendMessage = (...args: unknown[]) => {
          g.__sent.push(String((args[1] as { type?: unknown } | undefined)?.type));
          return original(...args);
        };
      });
      page = await ext.context.newPage();
      await page.addInitScript(countStarts(ext.extensionId));
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url());
      await page.waitForLoadState('load');
    });

    it('has no content script of its own', async () => {
      // A listed page loaded after it is scanned end to end: had the unlisted one been injected, it would be by now.
      const control = await ext.context.newPage();
      await control.goto(REUTERS.url);
      await waitForScan(control);
      await control.close();
      expect(await starts(page)).toBe(0);
      expect(await page.locator('html').getAttribute('data-counterpoint-allegations')).toBeNull();
    });

    it('saves the selection from the keyboard command: the content script comes, "saved only"', async () => {
      await selectWithMouse(page, FIRST);
      // The gesture that grants activeTab (the command does in a real browser).
      await ext.toolbar.click(url());
      const id = await tabId();
      await ext.serviceWorker.evaluate((tab) => chrome.commands.onCommand.dispatch('save-selection', { id: tab }), id);
      await savedCount(page, '1');
      expect(await savedHighlightText(page)).toEqual([FIRST]);
      const mine = (await listSaved(library)).filter((c) => c.url === url());
      expect(mine.map((c) => c.quote.exact)).toEqual([FIRST]);
      // Saved only: the site is not switched on, nothing was scanned or painted as an allegation.
      expect(await page.locator('html').getAttribute('data-counterpoint-allegations')).toBeNull();
      expect((await readPainted(page)).filter((p) => !p.highlight.startsWith('counterpoint-saved'))).toEqual([]);
      expect(await starts(page)).toBe(1);
    });

    it('saves from the context menu through the content script already there (no second injection)', async () => {
      await selectWithMouse(page, SECOND);
      const id = await tabId();
      await ext.serviceWorker.evaluate(
        ({ tab, text }) =>
          chrome.contextMenus.onClicked.dispatch(
            { menuItemId: 'counterpoint-save-selection', selectionText: text, editable: false },
            { id: tab },
          ),
        { tab: id, text: SECOND },
      );
      await savedCount(page, '2');
      expect((await savedHighlightText(page)).sort()).toEqual([FIRST, SECOND].sort());
      expect(await starts(page)).toBe(1);
    });

    it('after a reload, the toolbar button brings the saved claims back (and only them)', async () => {
      await ext.toolbar.closePopups();
      await page.reload();
      await page.waitForLoadState('load');
      expect(await page.locator('html').getAttribute('data-counterpoint-saved')).toBeNull();
      await ext.toolbar.click(url());
      await savedCount(page, '2');
      expect((await savedHighlightText(page)).sort()).toEqual([FIRST, SECOND].sort());
      expect(await page.locator('html').getAttribute('data-counterpoint-allegations')).toBeNull();
      expect(await starts(page)).toBe(1);
    });

    it('clicked again, the button finds the content script there and injects no second copy', async () => {
      await ext.toolbar.closePopups();
      const before = (await sentTypes()).filter((t) => t === 'savedChanged').length;
      await ext.toolbar.click(url());
      // The popup asked; the background pinged the page's script (which re-read its claims).
      await expect.poll(async () => (await sentTypes()).filter((t) => t === 'savedChanged').length).toBe(before + 1);
      await savedCount(page, '2');
      expect(await starts(page)).toBe(1);
    });

    it('sends nothing anywhere', () => {
      expect(network.blocked).toEqual([]);
    });
  });
});
