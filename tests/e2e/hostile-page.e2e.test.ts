/**
 * A page that acts against Counterpoint (issue 10, items 1, 3 and 7), in
 * Chromium with the built extension, served at a listed news site's address:
 *
 * - it replays WXT's content-script-started event and dispatches WXT's
 *   location-change event: the highlights stay, text added later is scanned;
 * - it rewrites its hash every 300 ms (a reading-progress script): the
 *   highlights stay, no rescan, no flicker; a real pushState still rescans;
 * - it dispatches clicks on a mark: no card (the reader's click opens it);
 * - it overwrites `CSS.highlights` and `Highlight`, deletes and forges our
 *   highlights in the shared registry and paints marks of its own: ours are
 *   painted and come back, a forged mark opens no card, the card says whose
 *   it is; no attribute of ours names a claim or a pack;
 * - a corpus page with overwritten built-ins, a shadow root, an iframe, an
 *   editable region and right-to-left text: the page keeps working and
 *   exactly its article's allegations are painted.
 *
 * Every sentence below is written for this test. Waits are for states.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { type LoadedExtension, launchExtension } from './support/extension';
import { ALLEGATIONS_ATTRIBUTE, readPainted, waitForScan } from './support/highlights';
import { isolateNetwork, type NetworkLog } from './support/network';

// The slice of the extension APIs the tests call inside the service worker.
declare const chrome: {
  runtime: {
    onMessage: {
      addListener(listener: (message: unknown, sender: { tab?: { url?: string } }) => undefined): void;
    };
  };
};

const ORIGIN = 'https://www.lesoir.be';

const A1 = 'The Dutch government accused Russia of hacking the servers of its space agency in March.';
const A2 = 'Investigators in Oslo blamed North Korea for a cyberattack on the port authority last winter.';
const A3 = 'Canada said Chinese state hackers broke into the email accounts of three ministers.';
const LATER = 'Poland accused Belarus of hacking the computers of a regional electricity company.';
const INNOCENT = 'The weather in the capital was mild and sunny for most of the week.';
const RTL_ALLEGATION = 'Romania accused Iran of breaking into the networks of its national railway.';
const IN_SHADOW = 'Estonia accused Russia of launching cyberattacks against its tax office websites.';

function article(title: string, paragraphs: string[], head = '', after = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body><main><article id="story"><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>${after}</main></body></html>`;
}

const REPLAY_URL = `${ORIGIN}/hostile/replay`;
const REPLAY = article('Three capitals point at hackers', [A1, INNOCENT, A2]);

const PROGRESS_URL = `${ORIGIN}/hostile/progress`;
const PROGRESS = article(
  'A long read with a progress bar',
  [A1, INNOCENT, A3],
  '',
  `<script>
    // A reading-progress script: the hash follows the section read, every 300 ms.
    window.__hashChanges = 0;
    setInterval(() => {
      window.__hashChanges++;
      history.replaceState(null, '', '#section-' + (window.__hashChanges % 7));
    }, 300);
  </script>`,
);

const FORGE_URL = `${ORIGIN}/hostile/forge`;
const FORGE = article(
  'Marks that are not ours',
  [A1, INNOCENT, A2],
  `<style>::highlight(page-accusation) { background-color: rgba(255, 196, 0, 0.28);
     text-decoration: underline solid rgba(204, 102, 0, 0.9) 2px; }</style>
  <script>
    // Before the content script: keep the real registry, then replace what the page's world sees.
    window.__realHighlights = CSS.highlights;
    window.__RealHighlight = Highlight;
    Object.defineProperty(CSS, 'highlights', { value: new Map(), configurable: true });
    window.Highlight = function () { throw new Error('no highlights here'); };
  </script>`,
);

const CORPUS_URL = `${ORIGIN}/hostile/corpus`;
/**
 * Built-ins the page breaks in its own world (throwing, or answering "page"),
 * among those the content script uses. Playwright's own evaluation in the
 * page's world needs a few others (Array push and slice, timers, Object.keys,
 * JSON, addEventListener), which stay.
 */
const BROKEN: Array<[string, string]> = [
  ['Array.prototype', 'map'],
  ['Array.prototype', 'filter'],
  ['Array.prototype', 'forEach'],
  ['Array', 'from'],
  ['JSON', 'parse'],
  ['Node.prototype', 'appendChild'],
  ['Node.prototype', 'insertBefore'],
  ['Node.prototype', 'removeChild'],
  ['Node.prototype', 'normalize'],
  ['Text.prototype', 'splitText'],
  ['Element.prototype', 'attachShadow'],
  ['Element.prototype', 'closest'],
  ['Document.prototype', 'createTreeWalker'],
  ['Document.prototype', 'createRange'],
  ['Document.prototype', 'caretRangeFromPoint'],
  ['Range.prototype', 'toString'],
  ['Range.prototype', 'getClientRects'],
  ['Range.prototype', 'compareBoundaryPoints'],
  ['String.prototype', 'replace'],
  ['String.prototype', 'trim'],
  ['RegExp.prototype', 'exec'],
  ['RegExp.prototype', 'test'],
  ['CSSStyleSheet.prototype', 'replaceSync'],
  ['window', 'MutationObserver'],
  ['window', 'getComputedStyle'],
  ['window', 'fetch'],
  ['window', 'Highlight'],
];
const CORPUS = article(
  'Hostile corpus',
  [A1, INNOCENT, `<span dir="rtl">${RTL_ALLEGATION}</span>`, '<span id="shadow-host"></span>'],
  `<script>
    // Kept before breaking them: the test reads what is painted with these.
    const rangeText = Range.prototype.toString;
    const attach = Element.prototype.attachShadow;
    window.__painted = () => {
      const out = [];
      let i = 0;
      for (const [name, h] of CSS.highlights) for (const r of h) out[i++] = name + ' | ' + rangeText.call(r);
      return out;
    };
    window.__attach = (el) => attach.call(el, { mode: 'open' });
    // The page's own world breaks the built-ins the content script would use, were it in the same world.
    window.__broken = 0;
    const fail = function () { throw new Error('overwritten by the page'); };
    for (const [owner, name] of ${JSON.stringify(BROKEN)}) {
      const target = owner.split('.').reduce((o, k) => o[k], window);
      target[name] = name === 'map' ? function () { return ['page']; } : fail;
      window.__broken++;
    }
  </script>`,
  `<iframe id="frame" srcdoc="<p>${A3}</p>"></iframe>
   <div id="editor" contenteditable="true"><p>${A2}</p></div>
   <section dir="rtl" lang="ar"><p>هذه فقرة قصيرة عن الطقس في المدينة.</p></section>
   <button id="page-button" type="button" onclick="this.textContent = 'clicked ' + window.__broken">Press</button>
   <script>
     // An open shadow root inside the article, made with the method the page kept.
     window.__attach(document.getElementById('shadow-host')).innerHTML = '<b>${IN_SHADOW}</b>';
   </script>`,
);

/** The centre of the first occurrence of `text` in the page's light DOM, scrolled into view. */
async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(wanted);
      if (at === -1) continue;
      n.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at + 2);
      range.setEnd(n, at + 8);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no text ${wanted}`);
  }, text);
}

const cardCount = (page: Page) => page.locator('counterpoint-card').count();

/** Sorted texts of what is painted under our names. */
async function ours(page: Page): Promise<string[]> {
  return (await readPainted(page))
    .filter((p) => p.highlight.startsWith('counterpoint-') && p.highlight !== 'counterpoint-focus')
    .map((p) => p.text)
    .sort();
}

describe('a hostile page', () => {
  let ext: LoadedExtension;
  let network: NetworkLog;

  /** Scan messages the background received, per page address. */
  const scans = async (url: string) =>
    ext.serviceWorker.evaluate(
      (u) => (globalThis as unknown as { __scans: string[] }).__scans.filter((x) => x.split('#')[0] === u).length,
      url,
    );

  beforeAll(async () => {
    ext = await launchExtension();
    network = await isolateNetwork(
      ext.context,
      [
        { url: REPLAY_URL, html: REPLAY },
        { url: PROGRESS_URL, html: PROGRESS },
        { url: FORGE_URL, html: FORGE },
        { url: CORPUS_URL, html: CORPUS },
      ],
      [`chrome-extension://${ext.extensionId}`],
    );
    await ext.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { __scans: string[] };
      g.__scans = [];
      chrome.runtime.onMessage.addListener((message: unknown, sender: { tab?: { url?: string } }) => {
        if ((message as { type?: unknown } | null)?.type === 'scan') g.__scans.push(sender.tab?.url ?? '');
        return undefined;
      });
    });
  });

  afterAll(async () => {
    await ext?.close();
  });

  describe('replaying WXT’s events', () => {
    let page: Page;
    beforeAll(async () => {
      page = await ext.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __posted: string[] };
        w.__posted = [];
        window.addEventListener('message', (e) => {
          if (typeof e.data?.type === 'string') w.__posted.push(e.data.type);
        });
      });
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(REPLAY_URL);
      expect(await waitForScan(page)).toBe(2);
    });

    it('posts nothing to the page when the content script starts', async () => {
      expect(await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted)).toEqual([]);
    });

    it('keeps its highlights and keeps scanning after the page replays the started event and a location change', async () => {
      expect(await ours(page)).toEqual([A1, A2].sort());
      // The names a page can learn (the extension's id is public: the store's, Firefox's gecko id).
      await page.evaluate((id) => {
        const started = `${id}:content:wxt:content-script-started`;
        for (const messageId of ['forged', '']) {
          document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'content', messageId } }));
          window.postMessage({ type: started, contentScriptName: 'content', messageId }, '*');
          window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'content', messageId }, '*');
        }
        for (const type of [`${id}:content:wxt:locationchange`, 'wxt:locationchange'])
          window.dispatchEvent(new Event(type));
      }, ext.extensionId);
      // Text the page adds afterwards is still scanned and painted (the script is alive).
      await page.evaluate((text) => {
        const p = document.createElement('p');
        p.textContent = text;
        document.getElementById('story')?.append(p);
      }, LATER);
      await page.waitForFunction((name) => document.documentElement.getAttribute(name) === '3', ALLEGATIONS_ATTRIBUTE, {
        timeout: 30_000,
      });
      expect(await ours(page)).toEqual([A1, A2, LATER].sort());
    });

    it('opens no card for a click the page dispatches on a mark; the reader’s click opens it', async () => {
      const point = await pointOf(page, A1);
      // Listeners run during dispatch: had the card opened, it would be there when evaluate returns.
      await page.evaluate(({ x, y }) => {
        const target = document.elementFromPoint(x, y) ?? document.body;
        for (const type of ['mousedown', 'mouseup', 'click'])
          target.dispatchEvent(
            new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, button: 0 }),
          );
        (target as HTMLElement).click();
      }, point);
      expect(await cardCount(page)).toBe(0);
      await page.mouse.click(point.x, point.y);
      await page.locator('counterpoint-card').waitFor({ state: 'attached', timeout: 5_000 });
      // An Escape the page dispatches does not close it either.
      await page.evaluate(() =>
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
      );
      expect(await cardCount(page)).toBe(1);
    });

    it('puts no claim or pack id in any attribute the page can read', async () => {
      const host = page.locator('counterpoint-card');
      expect((await host.evaluate((el) => el.getAttributeNames())).sort()).toEqual(['data-counterpoint-card', 'style']);
      expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      expect(html).not.toContain(`${SEED_PACK.id}/`);
      expect(html).not.toContain('data-counterpoint-card-claims');
      await page.keyboard.press('Escape');
      await host.waitFor({ state: 'detached', timeout: 5_000 });
    });
  });

  describe('a hash rewritten every 300 ms', () => {
    let page: Page;
    beforeAll(async () => {
      page = await ext.context.newPage();
      await page.addInitScript((name) => {
        // Every value <html>'s count takes: a wipe would show as 0 or a removal.
        const w = window as unknown as { __counts: Array<string | null> };
        w.__counts = [];
        new MutationObserver(() => w.__counts.push(document.documentElement.getAttribute(name))).observe(document, {
          subtree: true,
          attributes: true,
          attributeFilter: [name],
        });
      }, ALLEGATIONS_ATTRIBUTE);
      await page.goto(PROGRESS_URL);
      expect(await waitForScan(page)).toBe(2);
    });

    it('keeps its highlights, with no wipe and no rescan, through twenty changes', async () => {
      const first = await ours(page);
      expect(first).toEqual([A1, A3].sort());
      const before = await scans(PROGRESS_URL);
      expect(before).toBe(1);
      const changes = await page.evaluate(() => (window as unknown as { __hashChanges: number }).__hashChanges);
      await page.waitForFunction(
        (n) => (window as unknown as { __hashChanges: number }).__hashChanges >= n + 20,
        changes,
        { timeout: 30_000, polling: 100 },
      );
      expect(new URL(page.url()).hash).toMatch(/^#section-\d$/);
      expect(await ours(page)).toEqual(first);
      expect(await scans(PROGRESS_URL)).toBe(before);
      expect(await page.evaluate(() => (window as unknown as { __counts: Array<string | null> }).__counts)).toEqual([
        '2',
      ]);
    });

    it('still takes a new path (history.pushState) as a navigation: one fresh scan', async () => {
      const before = (await ext.serviceWorker.evaluate(() => (globalThis as unknown as { __scans: string[] }).__scans))
        .length;
      await page.evaluate(() => history.pushState(null, '', '/hostile/progress-part-2'));
      await expect
        .poll(() => ext.serviceWorker.evaluate(() => (globalThis as unknown as { __scans: string[] }).__scans.length), {
          timeout: 30_000,
        })
        .toBe(before + 1);
      await page.waitForFunction((name) => document.documentElement.getAttribute(name) === '2', ALLEGATIONS_ATTRIBUTE, {
        timeout: 30_000,
      });
      await expect.poll(() => ours(page), { timeout: 10_000 }).toEqual([A1, A3].sort());
    });
  });

  describe('overwriting and forging highlights', () => {
    let page: Page;
    /** What the real registry holds under a name (the page kept it before replacing CSS.highlights). */
    const registered = (name: string) =>
      page.evaluate((n) => {
        const real = (window as unknown as { __realHighlights: Map<string, Set<Range>> }).__realHighlights;
        return [...(real.get(n) ?? [])].map((r) => r.toString()).sort();
      }, name);

    beforeAll(async () => {
      page = await ext.context.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(FORGE_URL);
      expect(await waitForScan(page)).toBe(2);
    });

    it('paints its marks although the page replaced CSS.highlights and Highlight in its own world', async () => {
      expect(await registered('counterpoint-accusation')).toEqual([A1, A2].sort());
      // The page's world sees only its own replacement.
      expect(await page.evaluate(() => (CSS.highlights as unknown as Map<string, unknown>).size)).toBe(0);
    });

    it('brings its marks back when the page deletes them or forges one under its name', async () => {
      await page.evaluate(() => {
        const real = (window as unknown as { __realHighlights: Map<string, unknown> }).__realHighlights;
        real.delete('counterpoint-accusation');
      });
      await page.waitForFunction(
        () =>
          (window as unknown as { __realHighlights: Map<string, Set<Range>> }).__realHighlights.get(
            'counterpoint-accusation',
          )?.size === 2,
        null,
        { timeout: 10_000 },
      );
      await page.evaluate((innocent) => {
        const w = window as unknown as {
          __realHighlights: Map<string, unknown>;
          __RealHighlight: new (...r: Range[]) => unknown;
        };
        const p = [...document.querySelectorAll('p')].find((x) => x.textContent === innocent);
        const range = document.createRange();
        range.selectNodeContents(p as Node);
        w.__realHighlights.set('counterpoint-accusation', new w.__RealHighlight(range));
        // And a mark of its own, looking like ours.
        w.__realHighlights.set('page-accusation', new w.__RealHighlight(range));
      }, INNOCENT);
      await expect.poll(() => registered('counterpoint-accusation'), { timeout: 10_000 }).toEqual([A1, A2].sort());
      expect(await registered('page-accusation')).toEqual([INNOCENT]);
    });

    it('a forged mark opens no card; a real one opens the card, which says it is Counterpoint’s', async () => {
      const fake = await pointOf(page, INNOCENT);
      await page.mouse.click(fake.x, fake.y);
      expect(await cardCount(page)).toBe(0);
      const real = await pointOf(page, A2);
      await page.mouse.click(real.x, real.y);
      await page.locator('counterpoint-card').waitFor({ state: 'attached', timeout: 5_000 });
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
        const shadow = findCdpNode(root, (n) => n.nodeName === 'COUNTERPOINT-CARD')?.shadowRoots?.[0];
        expect(shadow).toBeDefined();
        const { nodeId } = (await cdp.send('DOM.querySelector', {
          nodeId: (shadow as CdpNode).nodeId,
          selector: '.origin',
        })) as { nodeId: number };
        const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId })) as { outerHTML: string };
        expect(outerHTML).toContain('Marked by Counterpoint');
        expect(outerHTML).toContain('toolbar popup');
      } finally {
        await cdp.detach();
      }
    });
  });

  describe('a corpus of hostile markup', () => {
    let page: Page;
    const errors: string[] = [];
    /** Our highlights' texts, read with the page's saved Range.prototype.toString. */
    const corpusPainted = async () =>
      (await page.evaluate(() => (window as unknown as { __painted(): string[] }).__painted()))
        .filter((line) => line.startsWith('counterpoint-') && !line.startsWith('counterpoint-focus'))
        .map((line) => line.slice(line.indexOf(' | ') + 3))
        .sort();

    beforeAll(async () => {
      page = await ext.context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(CORPUS_URL);
      // Read from Playwright's utility world: its waitForFunction needs the page world's MutationObserver.
      await page.locator(`html[${ALLEGATIONS_ATTRIBUTE}]`).waitFor({ state: 'attached', timeout: 30_000 });
      expect(await page.locator('html').getAttribute(ALLEGATIONS_ATTRIBUTE)).toBe('2');
    });

    it('the page’s broken built-ins do not reach the content script: the article is painted exactly', async () => {
      expect(await page.evaluate(() => (window as unknown as { __broken: number }).__broken)).toBe(BROKEN.length);
      // The page's own world still has its replacements (nothing of ours restored or used them).
      expect(await page.evaluate(() => [1, 2].map((x) => x))).toEqual(['page']);
      // Right-to-left text painted on its own words; text in a shadow root is not read (a known limit).
      expect(await corpusPainted()).toEqual([A1, RTL_ALLEGATION].sort());
    });

    it('leaves the iframe and the editable region alone, and the page keeps working', async () => {
      const painted = await corpusPainted();
      expect(painted).not.toContain(A2); // in the editable region
      expect(painted).not.toContain(A3); // in the iframe (the content script runs in the top frame)
      expect(painted).not.toContain(IN_SHADOW);
      const editor = page.locator('#editor p');
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Edited.');
      expect(await editor.textContent()).toBe(`${A2} Edited.`);
      await page.locator('#page-button').click();
      expect(await page.locator('#page-button').textContent()).toBe(`clicked ${BROKEN.length}`);
      expect(await page.locator('section[dir="rtl"] p').textContent()).toBe('هذه فقرة قصيرة عن الطقس في المدينة.');
      expect(await page.locator('#shadow-host').evaluate((el) => el.shadowRoot?.textContent)).toBe(IN_SHADOW);
      expect(errors).toEqual([]);
    });
  });

  it('sends nothing anywhere', () => {
    expect(network.blocked).toEqual([]);
  });
});

interface CdpNode {
  nodeId: number;
  nodeName: string;
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
