/**
 * Counterpoint on one tab whose page has no content script: a site outside the
 * list, or a page loaded before the extension was installed or updated. The
 * user's gesture (context menu, keyboard command, toolbar button) grants
 * `activeTab` for that tab, which is enough to inject the content script: no
 * install-time host permission. It runs "saved only" (saved claims found and
 * painted, selections saved, nothing scanned) unless the site is switched on
 * (built in, or granted and not switched off), as it would on its own.
 * Browser calls go through `PageAccessApi`, so this runs in unit tests.
 *
 * Injecting where a content script already runs is safe: the new one ends the
 * old one through the extension's isolated world (src/content/lifetime.ts), a
 * handover the page can neither see nor replay; the saved-only flag is set in
 * that world too, out of the page's reach.
 */
import { SAVED_ONLY_FLAG } from '@src/content/sites';
import type { CollectSelectionResponse } from '@src/messaging/saved-protocol';

export interface PageAccessApi {
  /** Sends a message to the tab's top-frame content script; rejects when there is none. */
  send(tabId: number, message: { type: 'collectSelection' | 'savedChanged' }): Promise<unknown>;
  /** The tab's address, where the extension may read it (host permission or activeTab). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Whether Counterpoint scans pages of this address's site (built in, or granted by the user). */
  siteOn(url: string): Promise<boolean>;
  /** Runs `func(...args)` in the tab's top frame, in the extension's isolated world. */
  runFunc(tabId: number, func: (key: string, value: boolean) => void, args: [string, boolean]): Promise<void>;
  /** Injects the built content script into the tab's top frame. */
  runContentScript(tabId: number): Promise<void>;
}

export interface PageAccess {
  /**
   * The selection of the tab's page as a save payload: asked of its content
   * script, injected first if the page has none. Null when nothing is selected.
   */
  collectSelection(tabId: number): Promise<unknown | null>;
  /**
   * Paints the saved claims of the tab's page (the toolbar button was clicked
   * there): tells its content script to read them again, or injects it.
   * `hasSaved` says whether an address has any; false when nothing was to show.
   */
  showSaved(tabId: number, hasSaved: (url: string) => Promise<boolean>): Promise<boolean>;
}

/** Which content script is there: none answered, or it answered. */
async function answers(api: PageAccessApi, tabId: number, message: { type: 'collectSelection' | 'savedChanged' }) {
  try {
    return { present: true, answer: await api.send(tabId, message) };
  } catch {
    return { present: false, answer: undefined };
  }
}

export function createPageAccess(api: PageAccessApi): PageAccess {
  /** Injects the content script (once at a time per tab: a second gesture waits for the first). */
  const injecting = new Map<number, Promise<void>>();

  async function inject(tabId: number, url: string): Promise<void> {
    const savedOnly = !(await api.siteOn(url));
    if (savedOnly)
      await api.runFunc(tabId, (key, value) => void Reflect.set(globalThis, key, value), [SAVED_ONLY_FLAG, true]);
    try {
      await api.runContentScript(tabId);
    } catch (error) {
      // Never leave the flag for a later injection ("Scan this page") to find.
      if (savedOnly)
        await api
          .runFunc(tabId, (key) => void Reflect.deleteProperty(globalThis, key), [SAVED_ONLY_FLAG, false])
          .catch(() => {});
      throw error;
    }
  }

  function injectOnce(tabId: number, url: string): Promise<void> {
    const running = injecting.get(tabId);
    if (running !== undefined) return running;
    const started = inject(tabId, url).finally(() => injecting.delete(tabId));
    injecting.set(tabId, started);
    return started;
  }

  async function webUrl(tabId: number): Promise<string | null> {
    const url = await api.tabUrl(tabId).catch(() => undefined);
    return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
  }

  return {
    async collectSelection(tabId) {
      const first = await answers(api, tabId, { type: 'collectSelection' });
      let answer = first.answer;
      if (!first.present) {
        const url = await webUrl(tabId);
        if (url === null) return null;
        await injectOnce(tabId, url);
        answer = await api.send(tabId, { type: 'collectSelection' });
      }
      const checked = answer as CollectSelectionResponse | undefined;
      return checked?.ok === true ? checked.claim : null;
    },
    async showSaved(tabId, hasSaved) {
      const url = await webUrl(tabId);
      if (url === null || !(await hasSaved(url))) return false;
      if ((await answers(api, tabId, { type: 'savedChanged' })).present) return true;
      await injectOnce(tabId, url);
      return true;
    },
  };
}
