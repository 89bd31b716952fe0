/**
 * Issue 10, item 4, in Chromium with the built extension: storage.session is
 * full (filled to its quota from the service worker, as any other user of it
 * could), so the browser refuses the tab's report. While the background runs,
 * the popup still gets there — its counter-statements, not "looking for the
 * other sides" for ever — and says the report is not kept; after the worker
 * is stopped through the DevTools protocol, the popup says the report could
 * not be kept (not "not scanned", not "no allegations") and *Scan again*
 * brings it back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedExtension, launchExtension } from './support/extension';
import { isolateNetwork } from './support/network';
import { watchServiceWorker } from './support/service-worker';

declare const chrome: {
  storage: { session: { set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> } };
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
};

const ARTICLE_URL = 'https://www.lesoir.be/counterpoint-storage-full';
const QUIET_URL = 'https://www.lesoir.be/counterpoint-quiet';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('a report the browser refuses to keep', () => {
  let ext: LoadedExtension;
  let article: Page;
  let popup: Page;
  let tabId: number;
  let count = 0;

  beforeAll(async () => {
    ext = await launchExtension();
    await isolateNetwork(
      ext.context,
      [
        { url: ARTICLE_URL, html: fixture('lesoir-article.html') },
        { url: QUIET_URL, html: '<!doctype html><html><body><main><p>Nothing to see.</p></main></body></html>' },
      ],
      [`chrome-extension://${ext.extensionId}`],
    );
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('fills storage.session to its quota, leaving room for a small record only', async () => {
    const left = await ext.serviceWorker.evaluate(async () => {
      // Fillers of shrinking sizes until each size is refused: the quota is then within 100 bytes.
      const sizes = [1_000_000, 100_000, 10_000, 1_000, 100];
      const small: string[] = [];
      let i = 0;
      for (const size of sizes) {
        for (;;) {
          const key = `filler:${i++}`;
          try {
            await chrome.storage.session.set({ [key]: 'x'.repeat(size) });
            if (size === 1_000) small.push(key);
          } catch {
            break;
          }
        }
      }
      // About 2 KB free: the page's allegations alone may fit, never with their counter-statements.
      for (const key of small.slice(-2)) await chrome.storage.session.remove(key);
      return small.length;
    });
    expect(left).toBeGreaterThanOrEqual(2);
  });

  it('shows the whole report while the background runs, and says it is not kept', async () => {
    article = await ext.context.newPage();
    await article.goto(QUIET_URL);
    const tabs = await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), QUIET_URL);
    const id = tabs[0]?.id;
    if (id === undefined) throw new Error('no article tab');
    tabId = id;
    // The popup is open before the article's scan: it must hear of a report that storage never saw.
    popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-count="0"]').waitFor({ timeout: 30_000 });
    await article.goto(ARTICLE_URL);
    await popup.locator('[data-count]:not([data-count="0"]):not([data-matching])').waitFor({ timeout: 60_000 });
    count = Number(await popup.locator('[data-count]').getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    // The counter-statements came from the background's memory: the refused write lost nothing.
    expect(await popup.locator('li[data-claim-id]').count()).toBeGreaterThan(0);
    expect(await popup.locator('.report-notice').getAttribute('data-state')).toBe('refused');
  });

  it('after the worker stops, says the report could not be kept, and Scan again brings it back', async () => {
    const worker = await watchServiceWorker(popup, ext.extensionId);
    await worker.stop();
    await worker.detach();
    await popup.reload();
    // The worker starts again for the popup's request, and reads back the small record.
    await popup.locator('.report-notice[data-state="lost"]').waitFor({ timeout: 30_000 });
    expect(await popup.locator('[data-count]').count()).toBe(0);
    expect(await popup.locator('[data-state="not-scanned"]').count()).toBe(0);
    await popup.locator('.report-notice button').click();
    await popup.locator(`[data-count="${count}"]:not([data-matching])`).waitFor({ timeout: 60_000 });
    expect(await popup.locator('li[data-claim-id]').count()).toBeGreaterThan(0);
  });
});
