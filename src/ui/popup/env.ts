/**
 * Everything the popup asks of the browser, behind one small interface so
 * the components can be rendered and tested without an extension.
 */

import { CONTENT_SCRIPT_FILE } from '@src/content/sites';
import { getTabReport, sendToBackground, sendToContent } from '@src/messaging/client';
import { type TabReport, type ToContentResponse, validateReportChanged } from '@src/messaging/protocol';
import { disabledSites, setSiteDisabled } from '@src/settings/sites';
import { browser } from 'wxt/browser';
import type { SiteAccess } from './site';
import { resolveTabId } from './tab';

export interface PopupEnv {
  /** The tab whose report to show, or null when there is none. */
  tabId(): Promise<number | null>;
  report(tabId: number): Promise<TabReport | null>;
  /** The tab's address; undefined when the extension may not read it (no host permission, no activeTab). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Asks the tab's content script to scroll to and flash allegation `index` (its position in the report). */
  reveal(tabId: number, index: number): Promise<ToContentResponse | undefined>;
  /** Injects the content script, which scans the page and stores a new report. */
  scan(tabId: number): Promise<void>;
  /** Calls `onChange` whenever the tab's stored report changes; returns the unsubscribe function. */
  watchReport(tabId: number, onChange: () => void): () => void;
  /**
   * The popup opened on the tab (which grants activeTab): its page's saved
   * claims are painted, the content script injected where none runs (a site
   * outside the list). Resolves to whether the page has any.
   */
  showSaved?(tabId: number): Promise<boolean>;
  site: SiteAccess;
}

/** The storage.session key the background keeps a tab's report under. */
export function reportKey(tabId: number): string {
  return `report:${tabId}`;
}

async function activeTabId(): Promise<number | undefined> {
  // No "tabs" permission needed: only the id is read.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export const browserSiteAccess: SiteAccess = {
  async hasPermission(origin) {
    return browser.permissions.contains({ origins: [origin] });
  },
  // Not async on purpose: the request must start inside the click's user gesture.
  requestPermission(origin) {
    return browser.permissions.request({ origins: [origin] });
  },
  disabledSites() {
    return disabledSites.getValue();
  },
  setSiteDisabled(site, disabled) {
    return setSiteDisabled(site, disabled);
  },
};

/** The real browser, for the popup page at `search` (its `location.search`). */
export function browserEnv(search: string): PopupEnv {
  return {
    tabId: () => resolveTabId(search, activeTabId),
    report: async (tabId) => (await getTabReport(tabId)).report,
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        // The tab is gone.
        return undefined;
      }
    },
    reveal(tabId, index) {
      return sendToContent<'reveal'>(tabId, { type: 'reveal', index });
    },
    async scan(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    },
    watchReport(tabId, onChange) {
      const key = reportKey(tabId);
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && key in changes) onChange();
      };
      // The background's word, sent for every change: a report it could not store changes no storage.
      const onMessage = (message: unknown, sender: { id?: string }) => {
        if (sender.id !== browser.runtime.id) return;
        const checked = validateReportChanged(message);
        if (checked.ok && checked.value.tabId === tabId) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      browser.runtime.onMessage.addListener(onMessage);
      return () => {
        browser.storage.onChanged.removeListener(listener);
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },
    site: browserSiteAccess,
    showSaved: async (tabId) => (await sendToBackground<'showSavedInTab'>({ type: 'showSavedInTab', tabId })).shown,
  };
}
