/**
 * Saving and painting saved claims on a page without the content script
 * (issue 9): the background asks the page's content script first, injects it
 * only when none answers, "saved only" unless the site is switched on, never
 * twice at once, and never leaves its flag behind.
 */
import { createPageAccess, type PageAccessApi } from '@src/background/page-access';
import { SAVED_ONLY_FLAG } from '@src/content/sites';
import { afterEach, describe, expect, it } from 'vitest';

const CLAIM = { quote: { type: 'TextQuoteSelector', exact: 'hackers struck' }, meta: {} };

/**
 * A tab and its content script (present or not). The scripts' isolated world
 * is this test's global object: the flag is set there and read by the
 * injected script as src/content/index.ts reads it.
 */
function fakeTab(options: { present?: boolean; url?: string; siteOn?: boolean; injectFails?: boolean } = {}) {
  const world = globalThis as Record<string, unknown>;
  const log: string[] = [];
  let present = options.present ?? false;
  /** Whether each injected script started "saved only". */
  const started: boolean[] = [];
  const api: PageAccessApi = {
    async send(tabId, message) {
      log.push(`send ${tabId} ${message.type}`);
      if (!present) throw new Error('Could not establish connection. Receiving end does not exist.');
      return message.type === 'collectSelection' ? { ok: true, claim: CLAIM } : { ok: true };
    },
    tabUrl: async () => options.url,
    siteOn: async () => options.siteOn ?? false,
    async runFunc(tabId, func, args) {
      log.push(`func ${tabId}`);
      func(...args);
    },
    async runContentScript(tabId) {
      log.push(`inject ${tabId}`);
      await Promise.resolve();
      if (options.injectFails) throw new Error('Cannot access contents of the page');
      started.push(world[SAVED_ONLY_FLAG] === true);
      delete world[SAVED_ONLY_FLAG];
      present = true;
    },
  };
  return { api, log, started, flagLeft: () => Object.hasOwn(world, SAVED_ONLY_FLAG) };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[SAVED_ONLY_FLAG];
});

describe('collecting the selection for a save (context menu, keyboard command)', () => {
  it('asks the running content script, and injects nothing', async () => {
    const tab = fakeTab({ present: true, url: 'https://www.lesoir.be/a' });
    expect(await createPageAccess(tab.api).collectSelection(3)).toEqual(CLAIM);
    expect(tab.log).toEqual(['send 3 collectSelection']);
  });

  it('on a page without it, injects it "saved only" (the site is not switched on), then asks again', async () => {
    const tab = fakeTab({ url: 'http://127.0.0.1:8080/post' });
    expect(await createPageAccess(tab.api).collectSelection(3)).toEqual(CLAIM);
    expect(tab.log).toEqual(['send 3 collectSelection', 'func 3', 'inject 3', 'send 3 collectSelection']);
    expect(tab.started).toEqual([true]);
    expect(tab.flagLeft()).toBe(false);
  });

  it('injects it as usual (scanning) where the site is switched on', async () => {
    const tab = fakeTab({ url: 'https://blog.example/post', siteOn: true });
    expect(await createPageAccess(tab.api).collectSelection(3)).toEqual(CLAIM);
    expect(tab.log).toEqual(['send 3 collectSelection', 'inject 3', 'send 3 collectSelection']);
    expect(tab.started).toEqual([false]);
  });

  it('leaves pages it cannot read alone: no address (no activeTab), or not a web page', async () => {
    for (const url of [undefined, 'chrome://settings', 'file:///home/a.html']) {
      const tab = fakeTab(url === undefined ? {} : { url });
      expect(await createPageAccess(tab.api).collectSelection(3)).toBeNull();
      expect(tab.log).toEqual(['send 3 collectSelection']);
    }
  });

  it('clears its flag when the injection fails, so that a later "Scan this page" scans', async () => {
    const tab = fakeTab({ url: 'https://blog.example/post', injectFails: true });
    await expect(createPageAccess(tab.api).collectSelection(3)).rejects.toThrow(/Cannot access/);
    expect(tab.log).toEqual(['send 3 collectSelection', 'func 3', 'inject 3', 'func 3']);
    expect(tab.flagLeft()).toBe(false);
  });

  it('injects once when two gestures race', async () => {
    const tab = fakeTab({ url: 'https://blog.example/post' });
    const access = createPageAccess(tab.api);
    const both = await Promise.all([access.collectSelection(3), access.collectSelection(3)]);
    expect(both).toEqual([CLAIM, CLAIM]);
    expect(tab.log.filter((l) => l.startsWith('inject'))).toHaveLength(1);
  });
});

describe('showing a page’s saved claims when the popup opens', () => {
  const hasSaved = (urls: string[]) => async (url: string) => urls.includes(url);

  it('injects the content script "saved only" on a page with saved claims and no script', async () => {
    const tab = fakeTab({ url: 'https://blog.example/post' });
    expect(await createPageAccess(tab.api).showSaved(4, hasSaved(['https://blog.example/post']))).toBe(true);
    expect(tab.log).toEqual(['send 4 savedChanged', 'func 4', 'inject 4']);
    expect(tab.started).toEqual([true]);
  });

  it('only tells a running content script to read them again', async () => {
    const tab = fakeTab({ present: true, url: 'https://blog.example/post' });
    expect(await createPageAccess(tab.api).showSaved(4, hasSaved(['https://blog.example/post']))).toBe(true);
    expect(tab.log).toEqual(['send 4 savedChanged']);
  });

  it('does nothing on a page with no saved claim, or whose address it may not read', async () => {
    const none = fakeTab({ url: 'https://blog.example/post' });
    expect(await createPageAccess(none.api).showSaved(4, hasSaved([]))).toBe(false);
    const hidden = fakeTab({});
    expect(await createPageAccess(hidden.api).showSaved(4, hasSaved(['https://blog.example/post']))).toBe(false);
    expect([...none.log, ...hidden.log]).toEqual([]);
  });
});
