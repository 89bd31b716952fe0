/**
 * Students and fact-checkers (issue 9), in Chromium with the built extension:
 * select → save on a news page; the saved claim is found again after a
 * reload, after the page changed (approximately), or listed as orphaned when
 * its text is gone; the library lists, searches, annotates and exports it
 * (Markdown, CSL-JSON, RIS, ClaimReview), and a fresh profile imports the
 * ClaimReview back; an annotation links statements of the claim database,
 * claims are tagged in bulk (and untagged, and the change undone), filtered
 * by date, and `library.html#claim=ID` opens one claim's form.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedClaim } from '../../src/core/annotation/record';
import { toAnnotationCollection } from '../../src/core/annotation/web-annotation';
import { type LoadedExtension, launchExtension } from './support/extension';
import { fixtureHtml, loadExpectation, waitForScan } from './support/highlights';
import { isolateNetwork, type NetworkLog } from './support/network';

const LESOIR = loadExpectation('lesoir-seed-004');
const REUTERS = loadExpectation('reuters-style');

// The slice of the extension APIs the tests call inside the service worker.
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

interface StoredReport {
  matching?: boolean;
  allegations: Array<{
    accused: string | null;
    counterStatements: Array<{ id: string; relation: string; why: string }>;
  }>;
}

/** The tab's stored report once its counter-statements are in. */
async function reportOf(ext: LoadedExtension, url: string): Promise<StoredReport> {
  for (;;) {
    const report = (await ext.serviceWorker.evaluate(async (pattern) => {
      const tab = (await chrome.tabs.query({ url: pattern }))[0];
      if (tab?.id === undefined) return null;
      return (await chrome.storage.session.get(`report:${tab.id}`))[`report:${tab.id}`] ?? null;
    }, url)) as StoredReport | null;
    if (report !== null && report.matching !== true) return report;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const PHRASE = 'la Chine agit clairement comme un régime autoritaire';

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

async function clickSaveButton(page: Page): Promise<void> {
  const host = page.locator('counterpoint-save');
  await page.waitForFunction(() => {
    const el = document.querySelector('counterpoint-save') as HTMLElement | null;
    return el !== null && getComputedStyle(el).display !== 'none';
  });
  const box = await host.boundingBox();
  if (box === null) throw new Error('no save button');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function savedCount(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((n) => document.documentElement.getAttribute('data-counterpoint-saved') === n, expected, {
    timeout: 15_000,
  });
}

async function savedHighlightText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: string[] = [];
    for (const [name, h] of registry)
      if (name.startsWith('counterpoint-saved') || name.startsWith('counterpoint-annotated'))
        for (const r of h) out.push(r.toString());
    return out;
  });
}

async function download(page: Page, kind: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${kind}"]`)]);
  const path = await file.path();
  return readFile(path, 'utf8');
}

describe('saving claims and the library', () => {
  let ext: LoadedExtension;
  let network: NetworkLog;
  let article: Page;
  let library: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    network = await isolateNetwork(
      ext.context,
      [
        { url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) },
        { url: REUTERS.url, html: fixtureHtml(REUTERS.fixture) },
      ],
      [`chrome-extension://${ext.extensionId}`],
    );
    article = await ext.context.newPage();
    await article.setViewportSize({ width: 1280, height: 900 });
    await article.goto(LESOIR.url);
    await waitForScan(article);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('saves a selection from the page, and finds it again after a reload', async () => {
    await selectWithMouse(article, PHRASE);
    await clickSaveButton(article);
    await savedCount(article, '1');
    expect(await savedHighlightText(article)).toEqual([PHRASE]);
    await article.reload();
    await waitForScan(article);
    await savedCount(article, '1');
    expect(await savedHighlightText(article)).toEqual([PHRASE]);
  });

  it('refuses a synthetic click: a page cannot save in the reader’s name', async () => {
    const before = await article.evaluate(() => document.documentElement.getAttribute('data-counterpoint-saved'));
    await article.evaluate(() => {
      const p = document.querySelector('p');
      const range = document.createRange();
      range.selectNodeContents(p as Node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.querySelector('counterpoint-save')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    // The untrusted mouseup showed nothing; the library still holds one claim (checked below).
    expect(await article.evaluate(() => document.documentElement.getAttribute('data-counterpoint-saved'))).toBe(before);
  });

  it('finds a quote whose wording changed, approximately, and lists a vanished one as orphaned', async () => {
    network.serve(
      LESOIR.url,
      fixtureHtml(LESOIR.fixture).replace(PHRASE, 'la Chine agit très clairement comme un régime autoritaire'),
    );
    await article.reload();
    await waitForScan(article);
    await savedCount(article, '1');
    expect(await savedHighlightText(article)).toEqual(['la Chine agit très clairement comme un régime autoritaire']);

    network.serve(LESOIR.url, fixtureHtml(LESOIR.fixture).replace(/<p>À travers ses cyberattaques[^<]*<\/p>/, ''));
    await article.reload();
    await waitForScan(article);
    await savedCount(article, '0');
    library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const item = library.locator('[data-annotation-id]');
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.first().getAttribute('data-orphaned')).toBe('true');
    network.serve(LESOIR.url, fixtureHtml(LESOIR.fixture));
    await article.reload();
    await savedCount(article, '1');
  });

  it('lists, searches and exports citations: Markdown, CSL-JSON and RIS', async () => {
    await library.reload();
    const item = library.locator('[data-annotation-id]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.first().getAttribute('data-orphaned')).toBe('false');
    await library.fill('input[type="search"]', 'regime autoritaire');
    await expect.poll(() => item.count()).toBe(1);
    await library.fill('input[type="search"]', 'zzzz absent');
    await expect.poll(() => item.count()).toBe(0);
    await library.fill('input[type="search"]', '');
    await expect.poll(() => item.count()).toBe(1);

    const md = await download(library, 'markdown');
    expect(md).toContain(`> ${PHRASE}`);
    expect(md).toContain(LESOIR.url);
    expect(md).toMatch(/accessed \d{4}-\d{2}-\d{2}/);
    const csl = JSON.parse(await download(library, 'csl-json')) as Array<Record<string, unknown>>;
    expect(csl[0]).toMatchObject({ type: 'article-newspaper', URL: LESOIR.url, abstract: PHRASE });
    const ris = await download(library, 'ris');
    expect(ris).toContain('TY  - NEWS');
    expect(ris).toContain(`UR  - ${LESOIR.url}`);
  });

  it('annotates with a verdict, exports ClaimReview, and a fresh profile imports it', async () => {
    await library.click('[data-action="annotate"]');
    await library.selectOption('form.edit select[name="verdict"]', 'disputed');
    await library.fill(
      'form.edit textarea[name="note"]',
      'Accusation politique; aucune preuve technique publiée dans l’article.',
    );
    await library.click('[data-action="save-annotation"]');
    await expect.poll(() => library.locator('.verdict').count()).toBe(1);
    // The page paints it as annotated now.
    await article.reload();
    await savedCount(article, '1');
    const names = await article.evaluate(() => [
      ...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys(),
    ]);
    expect(names).toContain('counterpoint-annotated');

    // Added as a statement, the annotation answers an allegation against China on another page.
    await library.click('[data-action="statement"]');
    await expect.poll(() => library.locator('.statement').count()).toBe(1);
    const other = await ext.context.newPage();
    await other.goto(REUTERS.url);
    await waitForScan(other);
    const report = await reportOf(ext, REUTERS.url);
    const aboutChina = report.allegations.filter((a) => a.accused === 'CN');
    expect(aboutChina.length).toBeGreaterThan(0);
    const mine = aboutChina
      .flatMap((a) => a.counterStatements.slice(0, 3))
      .filter((c) => c.id.startsWith('my-annotations/'));
    expect(
      mine.length,
      JSON.stringify(aboutChina.map((a) => a.counterStatements.map((c) => `${c.id} ${c.why}`))),
    ).toBeGreaterThan(0);
    expect(mine[0]?.relation).toBe('fact_checks');
    expect(mine[0]?.why).toContain('your annotation');
    await other.close();

    const review = await download(library, 'claimreview');
    const reviews = JSON.parse(review) as Array<{
      reviewRating?: { alternateName?: string };
      itemReviewed?: { appearance?: { url?: string } };
    }>;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.reviewRating?.alternateName).toBe('disputed');
    expect(reviews[0]?.itemReviewed?.appearance?.url).toBe(LESOIR.url);

    const fresh = await launchExtension();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/library.html`);
      await page.waitForSelector('input[type="file"]', { state: 'attached' });
      await page.setInputFiles('input[type="file"]', {
        name: 'review.jsonld',
        mimeType: 'application/ld+json',
        buffer: Buffer.from(review),
      });
      const imported = page.locator('[data-annotation-id]');
      await expect.poll(() => imported.count()).toBe(1);
      expect(await page.locator('.verdict').first().textContent()).toBeTruthy();
      // Importing again recognises the duplicate.
      await page.setInputFiles('input[type="file"]', {
        name: 'review.jsonld',
        mimeType: 'application/ld+json',
        buffer: Buffer.from(review),
      });
      await expect.poll(() => page.locator('.status').textContent()).toMatch(/1/);
      expect(await imported.count()).toBe(1);
    } finally {
      await fresh.close();
    }
    expect(network.blocked).toEqual([]);
  });

  it('links statements, tags in bulk with undo, filters by date, and opens a deep link', async () => {
    // 200 older claims, so that the deep-linked one is far down the list.
    const older: SavedClaim[] = Array.from({ length: 200 }, (_, i) => {
      const created = new Date(Date.UTC(2025, 0, 1, i)).toISOString();
      return {
        id: `urn:uuid:7e57c1a1-0000-4000-8000-${String(i).padStart(12, '0')}`,
        created,
        modified: created,
        url: `https://www.lesoir.be/archives/${i}`,
        site: i % 2 === 0 ? 'Le Soir' : 'La Libre',
        quote: {
          type: 'TextQuoteSelector',
          exact: `Le ministre évoque une intrusion numéro ${i} dans les réseaux de l’administration`,
        },
        tags: ['archives'],
      };
    });
    older.push({
      ...(older[0] as SavedClaim),
      id: 'urn:uuid:7e57c1a1-0000-4000-8000-999999999999',
      created: '2025-06-20T09:00:00.000Z',
      modified: '2025-06-20T09:00:00.000Z',
      quote: { type: 'TextQuoteSelector', exact: 'Un rapport de juin attribue la campagne à un groupe étatique' },
    });
    const deep = older[0] as SavedClaim; // the oldest: last in the list
    await library.setInputFiles('input[type="file"]', {
      name: 'older.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(JSON.stringify(toAnnotationCollection(older, 'urn:e2e', 'older'))),
    });
    await expect.poll(() => library.locator('.count').textContent()).toMatch(/^202\D+202/);
    const stored = async (): Promise<SavedClaim[]> =>
      library.evaluate(async () => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        return ((await runtime.sendMessage({ type: 'listSaved' })) as { claims: SavedClaim[] }).claims;
      });
    const leSoir = (await stored()).find((c) => c.url === LESOIR.url) as SavedClaim;

    // Links: the picker searches the seed pack by speaker; the chip shows who said it, when, and what.
    await library.click(`[data-annotation-id="${leSoir.id}"] [data-action="annotate"]`);
    await library.fill('form.edit input[name="link-search"]', 'Wang Wenbin');
    const firstResult = library.locator('.link-results [data-action="link"]').first();
    await firstResult.waitFor();
    const key = (await firstResult.getAttribute('data-link-key')) as string;
    expect(key).toMatch(/^[^/]+\/[^/]+$/);
    await firstResult.click();
    const chip = library.locator(`.link-chip[data-link="${key}"]`);
    await expect.poll(() => chip.textContent()).toMatch(/Wang Wenbin.*\d{4}/);
    await library.click('[data-action="save-annotation"]');
    await expect.poll(async () => (await stored()).find((c) => c.id === leSoir.id)?.links).toEqual([key]);
    // Read back after a reload: the chip is rebuilt from the claim database.
    await library.reload();
    await library.click(`[data-annotation-id="${leSoir.id}"] [data-action="annotate"]`);
    await expect.poll(() => chip.textContent()).toMatch(/Wang Wenbin/);
    await library.click(`.link-chip[data-link="${key}"] [data-action="unlink"]`);
    await expect.poll(() => chip.count()).toBe(0);
    await library.click('[data-action="save-annotation"]');
    await expect.poll(async () => (await stored()).find((c) => c.id === leSoir.id)?.links).toBeUndefined();

    // Bulk tag: every claim shown from one site, one message, then undone.
    await library.selectOption('select[name="site"]', 'La Libre');
    await expect.poll(() => library.locator('.count').textContent()).toMatch(/^100\D/);
    await library.click('[data-action="select-shown"]');
    await library.fill('input[name="bulk-tag"]', 'revue-presse');
    await library.click('[data-action="tag-add"]');
    const tagged = async () => (await stored()).filter((c) => c.tags.includes('revue-presse')).length;
    await expect.poll(tagged).toBe(100);
    await library.selectOption('select[name="site"]', '');
    await library.selectOption('select[name="tag"]', 'revue-presse');
    await expect.poll(() => library.locator('.count').textContent()).toMatch(/^100\D/);
    await library.click('[data-action="undo"]');
    await expect.poll(tagged).toBe(0);
    // Removing a tag from the selection.
    await library.selectOption('select[name="tag"]', '');
    await library.click('[data-action="select-shown"]');
    await library.fill('input[name="bulk-tag"]', 'archives');
    await library.click('[data-action="tag-remove"]');
    await expect.poll(async () => (await stored()).filter((c) => c.tags.includes('archives')).length).toBe(0);
    await library.click('[data-action="clear-selection"]');

    // Date range, with the other filters.
    await library.fill('input[name="from"]', '2025-06-01');
    await library.fill('input[name="to"]', '2025-06-30');
    const items = library.locator('[data-annotation-id]');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-annotation-id')).toBe(older.at(-1)?.id);
    await library.selectOption('select[name="site"]', 'La Libre');
    await expect.poll(() => items.count()).toBe(0);

    // A deep link opens the claim's form and scrolls its row into view, whatever the filters were.
    const linked = await ext.context.newPage();
    await linked.setViewportSize({ width: 1280, height: 900 });
    await linked.goto(`chrome-extension://${ext.extensionId}/library.html#claim=${encodeURIComponent(deep.id)}`);
    await linked.locator(`form.edit[data-claim-id="${deep.id}"]`).waitFor();
    expect(await linked.locator('form.edit blockquote').textContent()).toBe(deep.quote.exact);
    const row = linked.locator(`[data-annotation-id="${deep.id}"][data-focused="true"]`);
    await row.waitFor();
    const [rowBox, listBox] = await Promise.all([row.boundingBox(), linked.locator('.list').boundingBox()]);
    expect(rowBox !== null && listBox !== null).toBe(true);
    expect(rowBox?.y).toBeGreaterThanOrEqual(listBox?.y ?? 0);
    expect((rowBox?.y ?? 0) + (rowBox?.height ?? 0)).toBeLessThanOrEqual((listBox?.y ?? 0) + (listBox?.height ?? 0));
    // In the window too, not only in the list.
    await expect.poll(() => row.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);

    // Changing the address in an open library follows it.
    await linked.evaluate((id) => {
      location.hash = `claim=${encodeURIComponent(id)}`;
    }, leSoir.id);
    await linked.locator(`form.edit[data-claim-id="${leSoir.id}"]`).waitFor();

    await linked.close();

    // An unknown id: a clear message, and the library works as usual.
    const unknown = await ext.context.newPage();
    await unknown.goto(`chrome-extension://${ext.extensionId}/library.html#claim=urn%3Auuid%3Adeleted-long-ago`);
    await expect.poll(() => unknown.locator('.status').textContent()).toContain('urn:uuid:deleted-long-ago');
    expect(await unknown.locator('form.edit').count()).toBe(0);
    await unknown.fill('input[type="search"]', 'rapport juin');
    await expect.poll(() => unknown.locator('[data-annotation-id]').count()).toBe(1);
    await unknown.close();
  });
});
